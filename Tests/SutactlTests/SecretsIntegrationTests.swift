import Foundation
import SutaClients
import SutaModel
import XCTest

/// Secrets at run time, against the real engine: no secret value in any output, log, label,
/// event or state file; labels that cannot be brute-forced offline; and another state
/// directory (another machine) that neither knows the key nor recreates anything for want of it.
final class SecretsIntegrationTests: XCTestCase {
    private var app: ScratchManifests?

    override func setUp() async throws {
        app = ScratchManifests(project: try await EngineHarness.scratchProject("sec"))
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(app?.project ?? "")
    }

    /// A Project declaring `DB_CREDENTIAL` secret, and `api`, which prints its secrets as it starts.
    private func write(_ app: ScratchManifests, mode: String) throws {
        let text = "apiVersion: sutactl/v1\nkind: Project\nmetadata: {name: \(app.project)}\nspec:\n  secrets: [DB_CREDENTIAL]\n"
            + ScratchManifests.service("api", """
              entrypoint: [/bin/sh, -c]
              command: ["echo token=$$API_TOKEN; echo url=$$DATABASE_URL; echo cred=$$DB_USER_CRED; exec /bin/standin 8080"]
              environment:
                API_TOKEN: "${API_TOKEN}"
                DATABASE_URL: "postgres://app:${API_TOKEN}@db/app"
                DB_USER_CRED: "${DB_CREDENTIAL}"
                MODE: \(mode)
              stop_grace_period: 2s
            """)
        try text.write(to: app.directory.appendingPathComponent("manifests/app.yaml"), atomically: true, encoding: .utf8)
    }

    /// Every file under `directory` (recursively) with its text.
    private func files(under directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: directory.path) {
            var isDirectory: ObjCBool = false
            let file = directory.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result[path] = String(decoding: FileManager.default.contents(atPath: file.path) ?? Data(), as: UTF8.self)
        }
        return result
    }

    func testNoSecretValueInAnyOutputLabelEventOrStateFile() async throws {
        let app = try XCTUnwrap(app)
        let token = "canary-tok-" + UUID().uuidString.prefix(8).lowercased()
        let credential = "canary-cred-" + UUID().uuidString.prefix(8).lowercased()
        let secrets = ["API_TOKEN": token, "DB_CREDENTIAL": credential]
        let events = EventRecorder(project: app.project)
        try write(app, mode: "one")
        var seen: [(what: String, text: String)] = []
        func run(_ arguments: [String], secrets given: [String: String] = secrets, in place: URL? = nil,
                 status expected: Int32 = 0) throws -> SutactlRunner.Outcome {
            let outcome = try app.sutactl(arguments, extra: given, in: place)
            let what = arguments.joined(separator: " ") + (given.isEmpty ? " (no secrets set)" : "")
            XCTAssertEqual(outcome.status, expected, "\(what): \(outcome.stderr)\(outcome.stdout)")
            seen.append((what, outcome.stdout + outcome.stderr))
            return outcome
        }

        _ = try run(["apply", "--wait", "--timeout", "60s"])
        _ = try run(["apply", "-o", "json"])
        _ = try run(["diff"])
        _ = try run(["diff"], secrets: [:], status: 8)
        for secrets in [secrets, [:]] {
            _ = try run(["status"], secrets: secrets)
            _ = try run(["status", "-o", "json"], secrets: secrets)
            _ = try run(["config"], secrets: secrets)
            _ = try run(["config", "-o", "json"], secrets: secrets)
            _ = try run(["validate", "-o", "json"], secrets: secrets)
            _ = try run(["breakers"], secrets: secrets)
            _ = try run(["breakers", "-o", "json"], secrets: secrets)
        }
        // The container's lines; the stand-in's come on stderr, in no fixed order with them. Just
        // after a start the container may not have printed them all: ask again, a bounded number of times.
        let printed = ["token=***", "url=***", "cred=***"]
        func echoed(_ output: String) -> [String] {
            output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("token=") || $0.hasPrefix("url=") || $0.hasPrefix("cred=") }
        }
        func logs(_ arguments: [String], secrets given: [String: String] = secrets, in place: URL? = nil) async throws -> String {
            var output = ""
            for _ in 0..<40 {
                output = try run(arguments, secrets: given, in: place).stdout
                if output.contains("standin: serving") && echoed(output).count == 3 { break }
                try await Task.sleep(for: .milliseconds(250))
            }
            return output
        }
        let shown = try await logs(["logs", "api"])
        XCTAssertEqual(echoed(shown), printed, shown)
        let fresh = try await logs(["logs", "api"], secrets: [:])
        XCTAssertEqual(echoed(fresh), printed, "a fresh shell: the values come from the container: " + fresh)
        // No manifests and an empty state directory: the container's label names its secret entries.
        let elsewhere = app.directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let bareState = ["SUTACTL_STATE_DIR": elsewhere.appendingPathComponent("state").path]
        let bare = try await logs(["logs", "--project", app.project, "api"], secrets: bareState, in: elsewhere)
        XCTAssertEqual(echoed(bare), printed, bare)
        XCTAssertFalse(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("state").path), "logs writes no state")

        // logs -f masks the same stream as it follows it.
        let follow = Process()
        follow.executableURL = SutactlRunner.binary
        follow.arguments = ["logs", "-f", "api"]
        follow.currentDirectoryURL = app.directory
        follow.environment = ["PATH": "/usr/bin:/bin"].merging(app.environment) { $1 }
        let pipe = Pipe()
        follow.standardOutput = pipe
        try follow.run()
        try await Task.sleep(for: .seconds(2))
        follow.terminate()
        follow.waitUntilExit()
        let followed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(echoed(followed), printed, followed)
        seen.append(("logs -f api", followed))

        // A change recreates the container; its output is masked the same way.
        let before = try await EngineHarness.idsByService(app.project)
        try write(app, mode: "two")
        XCTAssertTrue(try run(["diff"], status: 1).stdout.contains("config changed: environment\n"))
        XCTAssertTrue(try run(["apply", "--wait", "--timeout", "60s"]).stdout.contains("containers 0 created, 1 recreated"))
        let after = try await EngineHarness.idsByService(app.project)
        XCTAssertNotEqual(after, before)
        let recreated = try await logs(["logs", "api"])
        XCTAssertEqual(echoed(recreated), printed, recreated)

        // Labels through the list API and inspect (Config.Env holds the values inside the
        // container, where the service needs them: that is where the canary must be).
        let containers = try await EngineHarness.containers(of: app.project)
        XCTAssertEqual(containers.count, 1)
        for container in containers {
            seen.append(("list \(container.name)", "\(container.labels) \(container.command) \(container.names)"))
            let inspect = try await EngineHarness.client.inspectContainer(container.id)
            seen.append(("inspect \(container.name) labels", "\(inspect.config.labels)"))
            XCTAssertTrue(inspect.config.env.contains("API_TOKEN=\(token)"), "the canary is live inside the container")
            XCTAssertTrue(inspect.config.env.contains("DB_USER_CRED=\(credential)"))
        }
        _ = try run(["down"], secrets: [:])

        let recorded = await events.stop()
        XCTAssertTrue(recorded.contains { $0.contains("sutactl.config-fields") && $0.contains("\"destroy\"") }, "\(recorded.prefix(3))")
        seen += recorded.map { ("event", $0) }
        let state = try files(under: app.stateDirectory)
        XCTAssertNotNil(state["projects/\(app.project)/fingerprint.key"])
        XCTAssertNotNil(state["projects/\(app.project)/audit.log"])
        XCTAssertNotNil(state["projects/\(app.project)/state.json"])
        seen += state.map { ("state file \($0.key)", $0.value) }

        for (what, text) in seen {
            XCTAssertFalse(text.contains(token), "\(what) shows the token: \(text)")
            XCTAssertFalse(text.contains(credential), "\(what) shows the credential: \(text)")
        }
    }

    func testLabelsCannotBeBruteForcedOfflineAndAnotherStateDirectoryRecreatesNothing() async throws {
        let app = try XCTUnwrap(app)
        let alphabet = Array("abcdef")
        let secret = String((0..<4).map { _ in alphabet.randomElement()! })
        try app.write(ScratchManifests.service("api", """
          command: ["8080"]
          environment: {API_TOKEN: "${API_TOKEN}"}
          stop_grace_period: 2s
        """))
        let applied = try app.sutactl(["apply", "--wait", "--timeout", "60s"], extra: ["API_TOKEN": secret])
        XCTAssertEqual(applied.status, 0, applied.stderr + applied.stdout)
        let listed = try await EngineHarness.containers(of: app.project)
        let container = try XCTUnwrap(listed.first)
        let fieldsLabel = try XCTUnwrap(container.labels["sutactl.config-fields"])
        let hashLabel = try XCTUnwrap(container.labels["sutactl.config-hash"])
        let recorded = try XCTUnwrap(ConfigFingerprint(label: fieldsLabel))
        let environment = try XCTUnwrap(recorded.groups.firstIndex { $0.name == "environment" })

        // The old scheme: the group's text under plain SHA-256 in both labels.
        func groupText(_ value: String) -> String { "\("API_TOKEN=\(value)".utf8.count):API_TOKEN=\(value)" }
        func oldScheme(_ value: String) -> (fields: String, hash: String) {
            var old = recorded
            old.groups[environment].hash = String(SHA256.hex(groupText(value)).prefix(8))
            return (old.fieldsLabel, old.hash)
        }
        let candidates = alphabet.flatMap { a in alphabet.flatMap { b in alphabet.flatMap { c in alphabet.map { String([a, b, c, $0]) } } } }
        XCTAssertEqual(candidates.count, 1296)
        let old = oldScheme(secret)
        XCTAssertEqual(candidates.filter { oldScheme($0).fields == old.fields }, [secret], "the old labels gave the secret away")
        XCTAssertEqual(candidates.filter { oldScheme($0).hash == old.hash }, [secret])
        XCTAssertNotEqual(fieldsLabel, old.fields)
        XCTAssertNotEqual(hashLabel, old.hash)
        let found = candidates.filter { candidate in
            let guess = oldScheme(candidate)
            return guess.fields == fieldsLabel || guess.hash == hashLabel
                || container.labels.values.contains { $0.contains(String(SHA256.hex(groupText(candidate)).prefix(8))) }
        }
        XCTAssertEqual(found, [], "no candidate tests true against the real labels")

        // Only the key, in the state directory with mode 0600, ties the label to the value.
        let keyFile = app.stateDirectory.appendingPathComponent("projects/\(app.project)/fingerprint.key")
        let key = try XCTUnwrap(FingerprintKey(fileText: try String(contentsOf: keyFile, encoding: .utf8)))
        XCTAssertEqual(recorded.groups[environment].hash, "hmac:\(key.id):" + key.shortMAC(groupText(secret)))
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: keyFile.path)[.posixPermissions] as? NSNumber).intValue
        XCTAssertEqual(mode & 0o777, 0o600)

        // Another machine: a state directory without the key. Read-only, it cannot compare the
        // environment and creates nothing; apply makes its own key and recreates nothing.
        let otherState = app.directory.appendingPathComponent("other-state")
        let other = ["SUTACTL_STATE_DIR": otherState.path, "API_TOKEN": secret]
        let keyless = try app.sutactl(["diff"], extra: other)
        XCTAssertEqual(keyless.status, 8, keyless.stderr)
        XCTAssertEqual(keyless.stdout, "unknown: service api: environment (no fingerprint key in the state directory)\nno changes: 1 services up to date\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: otherState.path), "diff creates no state directory")
        let ids = try await EngineHarness.idsByService(app.project)
        let adopted = try app.sutactl(["apply"], extra: other)
        XCTAssertEqual(adopted.status, 0, adopted.stderr)
        XCTAssertEqual(adopted.stdout, "no changes: 1 services up to date\nunknown: service api: environment (recorded with another fingerprint key)\n")
        let kept = try await EngineHarness.idsByService(app.project)
        XCTAssertEqual(kept, ids, "a new key recreates no working container")
        let status = try app.sutactl(["status"], extra: other)
        XCTAssertTrue(status.stdout.contains("unknown: environment (recorded with another fingerprint key)"), status.stdout)
        XCTAssertEqual(try app.sutactl(["diff"], extra: ["API_TOKEN": secret]).status, 0, "with its own key the first machine compares")
    }
}
