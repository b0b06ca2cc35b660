import SutaErrors
import Foundation
import SutaController
import SutaModel
import SutaPlan
import SutaYAML
import XCTest

/// Secrets at run time: the fingerprint key file, labels keyed with it, and `logs` masking
/// the values a container holds.
final class RuntimeSecretTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("suta-secrets-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testTheKeyFileIsMadeOnceWithMode0600AndLoadingCreatesNothing() throws {
        XCTAssertNil(try FingerprintKeyFile.load(from: directory))
        XCTAssertNil(try FingerprintKeyFile.load(from: directory.appendingPathComponent("missing")))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [], "load writes nothing")

        let made = try FingerprintKeyFile.loadOrCreate(in: directory)
        let path = directory.appendingPathComponent("fingerprint.key").path
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["fingerprint.key"], "no temporary file left")
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue
        XCTAssertEqual(mode & 0o777, 0o600)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), made.fileText)
        XCTAssertEqual(try FingerprintKeyFile.loadOrCreate(in: directory), made, "the second apply uses the same key")
        XCTAssertEqual(try FingerprintKeyFile.load(from: directory), made)
        let other = directory.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: false)
        XCTAssertNotEqual(try FingerprintKeyFile.loadOrCreate(in: other), made, "each project gets its own random key")
    }

    func testADamagedKeyFileIsAnErrorThatSaysWhatToDo() throws {
        try Data("not a key\n".utf8).write(to: directory.appendingPathComponent("fingerprint.key"))
        XCTAssertThrowsError(try FingerprintKeyFile.loadOrCreate(in: directory)) { error in
            let error = error as? SutaError
            XCTAssertEqual(error?.code, .io)
            XCTAssertEqual(error?.message, "the fingerprint key \(self.directory.path)/fingerprint.key is not 64 hex digits")
            XCTAssertTrue(error?.hint?.hasPrefix("restore it from the machine that applied the project") == true)
        }
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("fingerprint.key"), encoding: .utf8), "not a key\n",
                       "a damaged key is never replaced silently")
    }

    private func secretConfig() -> ResolvedConfig {
        var db = ServiceSpec(name: "db", location: here, image: "img:1")
        db.environment = [EnvironmentVariable(name: "DB_PASSWORD", value: "hunter2", isSecret: true)]
        return ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [db], networks: [], volumes: [])
    }

    func testContainersAreLabelledWithTheKeyAndNothingIsCreatedWithoutOne() async throws {
        let config = secretConfig()
        let key = try XCTUnwrap(FingerprintKey(bytes: Array(1...32)))
        let plan = Planner(config: config, options: PlanOptions(fingerprintKey: key)).plan(ObservedState())
        let engine = ScriptedEngine()
        XCTAssertNil(plan.steps[0].refusal)
        let keyed = await PlanExecutor(engine: engine, config: config).execute(plan, observed: ObservedState()) { _ in }
        XCTAssertTrue(keyed.succeeded)
        let created = await engine.createdLabels
        let labels = try XCTUnwrap(created["p-db-1"])
        let environment = "hmac:\(key.id):" + key.shortMAC("19:DB_PASSWORD=hunter2")
        XCTAssertTrue(labels["sutactl.config-fields"]?.contains("environment=\(environment),") == true, labels.description)
        XCTAssertFalse(labels.values.contains { $0.contains(String(SHA256.hex("19:DB_PASSWORD=hunter2").prefix(8))) })
        XCTAssertEqual(labels["sutactl.secret-env"], "DB_PASSWORD", "the names of secret entries, never their values")

        // Planned without the key, the create step is refused by the planner and carried out as refused.
        let unkeyed = Planner(config: config).plan(ObservedState())
        XCTAssertEqual(unkeyed.steps[0].refusal, "cannot label container p-db-1: environment (no fingerprint key in the state directory)")
        let bare = ScriptedEngine()
        let refused = await PlanExecutor(engine: bare, config: config).execute(unkeyed, observed: ObservedState()) { _ in }
        XCTAssertEqual(Array(refused.failures.values), [
            "cannot label container p-db-1: environment (no fingerprint key in the state directory)",
        ])
        let calls = await bare.calls
        XCTAssertEqual(calls, [], "nothing reached the engine")
    }

    func testLogsMaskTheContainersSecretValuesSplitAcrossChunks() async throws {
        let engine = ScriptedEngine()
        let id = "c1" + String(repeating: "0", count: 30)
        await engine.show(ObservedState(containers: [
            ObservedContainer(id: id, name: "p-api-1", image: "img:1",
                              labels: [OwnershipLabels.project: "p", OwnershipLabels.service: "api", OwnershipLabels.replica: "1",
                                       OwnershipLabels.secretEnvironment: "CRED"],
                              state: .running, health: .none, created: 1, status: "Up"),
        ], networks: [], volumes: []))
        await engine.script(container: id, environment: ["PATH=/bin", "API_TOKEN=tok-9f3b-secret", "MODE=debug", "CRED=cred-77"],
                            logs: ["starting in debug\nusing tok-9f", "3b-secret for the api\ndebug: tok-9f3b-se", "cret cred-", "77\nlast tok-9f"])
        let controller = Controller(engine: engine, state: StateDirectory(environment: ["SUTACTL_STATE_DIR": directory.path]), environment: [:])
        let printed = LockedBytes()
        let found = try await controller.logs(service: "api", project: "p", manifests: nil, follow: false, tail: nil) { printed.append($0) }
        XCTAssertTrue(found)
        XCTAssertEqual(printed.text, "starting in debug\nusing *** for the api\ndebug: *** ***\nlast tok-9f",
                       "masked across chunks; an incomplete value at the end is not the secret")
        let missing = try await controller.logs(service: "web", project: "p", manifests: nil, follow: false, tail: nil) { _ in }
        XCTAssertFalse(missing)
    }
}

/// Bytes collected from a `@Sendable` callback.
private final class LockedBytes: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    func append(_ chunk: [UInt8]) { lock.withLock { bytes += chunk } }
    var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
}
