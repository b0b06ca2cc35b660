import Foundation
import XCTest

/// What an operator should never have to wait for or clean up after, on the real engine:
/// an unhealthy dependency fails at once, a replacement that cannot bind leaves the running
/// container alone, Ctrl-C leaves nothing half-created, orphans are called so, replicas are
/// counted, `logs -f` follows, and an unreadable model server makes diff and status fail.
final class FailFastIntegrationTests: XCTestCase {
    private var app: ScratchManifests?

    override func setUp() async throws {
        app = ScratchManifests(project: try await EngineHarness.scratchProject("ff"))
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(app?.project ?? "")
    }

    private let web = "  command: [\"8080\"]\n  healthcheck: {http: {port: 8080, path: /health}, interval: 300ms, retries: 3}\n  stop_grace_period: 2s"

    func testAnUnhealthyDependencyFailsItsDependentAtOnceWithTheCheckOutput() async throws {
        let app = try XCTUnwrap(app)
        try app.write(ScratchManifests.service("db", """
          command: ["8080"]
          healthcheck: {test: [CMD-SHELL, "echo db-check-says-no; exit 1"], interval: 500ms, retries: 2}
          stop_grace_period: 2s
        """) + ScratchManifests.service("api", web + "\n  depends_on: {db: {condition: service_healthy}}"))
        let started = Date()
        let outcome = try app.sutactl(["apply", "--timeout", "120s"])
        XCTAssertEqual(outcome.status, 4, outcome.stderr + outcome.stdout)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "not the 120 s timeout")
        XCTAssertTrue(outcome.stdout.contains("service api: failed: dependency failed to start: container \(app.project)-db-1 is unhealthy; "
                                              + "last health check: db-check-says-no"), outcome.stdout)
        let containers = try await EngineHarness.idsByService(app.project)
        XCTAssertNil(containers["api"], "api was never created")
    }

    func testAReplacementWhosePortIsTakenLeavesTheRunningContainerUntouched() async throws {
        let app = try XCTUnwrap(app)
        let ports = EngineHarness.freePorts(2)
        let (first, second) = (ports[0], ports[1])
        try app.write(ScratchManifests.service("web", web + "\n  ports: [\"127.0.0.1:\(first):8080\"]"))
        XCTAssertEqual(try app.sutactl(["apply", "--wait"]).status, 0)
        let before = try await EngineHarness.idsByService(app.project)

        // Something else listens on the new port.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(second).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        XCTAssertEqual(bound, 0)
        XCTAssertEqual(listen(holder, 1), 0)

        try app.write(ScratchManifests.service("web", web + "\n  ports: [\"127.0.0.1:\(second):8080\"]"))
        let refused = try app.sutactl(["apply"])
        XCTAssertEqual(refused.status, 4, refused.stderr + refused.stdout)
        XCTAssertTrue(refused.stdout.contains("host port 127.0.0.1:\(second)/tcp is held by another process on this host"), refused.stdout)
        let after = try await EngineHarness.idsByService(app.project)
        XCTAssertEqual(after, before, "the same container")
        let running = try await EngineHarness.containers(of: app.project)
        XCTAssertEqual(running.first?.state, "running")
        let serving = try await HTTPProbe.get(port: first, path: "/health")
        XCTAssertEqual(serving, 200, "still serving on its old port")
    }

    func testCtrlCStartsNothingNewAndLeavesNothingHalfCreated() async throws {
        let app = try XCTUnwrap(app)
        // api waits for db, which takes a while to be healthy: Ctrl-C lands during that wait.
        try app.write(ScratchManifests.service("db", """
          command: ["8080"]
          healthcheck: {http: {port: 8080, path: /health}, interval: 1s, retries: 3, start_period: 30s}
          stop_grace_period: 2s
        """) + ScratchManifests.service("api", web + "\n  depends_on: {db: {condition: service_healthy}}")
            + ScratchManifests.service("worker", web + "\n  depends_on: {api: {condition: service_started}}"))
        let process = Process()
        process.executableURL = SutactlRunner.binary
        process.arguments = ["apply"]
        process.currentDirectoryURL = app.directory
        process.environment = ["PATH": "/usr/bin:/bin"].merging(app.environment) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, try await EngineHarness.idsByService(app.project)["db"] == nil { try await Task.sleep(for: .milliseconds(100)) }
        try await Task.sleep(for: .milliseconds(500))
        kill(process.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130, stderr)
        XCTAssertTrue(stderr.contains("interrupted: 1 done, 2 not started"), stderr)
        let containers = try await EngineHarness.containers(of: app.project)
        XCTAssertEqual(containers.map { $0.labels["sutactl.service"] ?? "" }, ["db"])
        XCTAssertFalse(containers.contains { $0.state == "created" }, "nothing created and left unstarted")
    }

    func testOrphansReplicasAndLogsFollow() async throws {
        let app = try XCTUnwrap(app)
        let ticker = ScratchManifests.service("ticker", """
          entrypoint: [/bin/sh, -c]
          command: ["trap 'exit 0' TERM; i=0; while true; do i=$$((i+1)); echo tick $$i; sleep 1 & wait $!; done"]
          stop_grace_period: 2s
        """)
        try app.write(ScratchManifests.service("web", web + "\n  replicas: 2\n  ports: [\"127.0.0.1::8080\"]") + ticker
            + ScratchManifests.service("old", web))
        let applied = try app.sutactl(["apply", "--wait"])
        XCTAssertEqual(applied.status, 0, applied.stderr + applied.stdout)
        XCTAssertTrue(applied.stdout.contains("service web (replica 2): created"), applied.stdout)

        try app.write(ScratchManifests.service("web", web + "\n  replicas: 2\n  ports: [\"127.0.0.1::8080\"]") + ticker)
        let again = try app.sutactl(["apply"])
        XCTAssertTrue(again.stdout.contains("orphans (no longer in the manifests; kept, --prune removes them): old"), again.stdout)
        let status = try app.sutactl(["status"])
        XCTAssertTrue(status.stdout.contains("old (orphan)"), status.stdout)
        let web = try XCTUnwrap(status.stdout.split(separator: "\n").first { $0.hasPrefix("web ") })
        XCTAssertTrue(web.contains(" 2/2 "), String(web))

        // logs -f keeps printing what the container writes after it started.
        let printedSoFar = try app.sutactl(["logs", "ticker"]).stdout.split(separator: "\n").count
        let process = Process()
        process.executableURL = SutactlRunner.binary
        process.arguments = ["logs", "-f", "ticker"]
        process.currentDirectoryURL = app.directory
        process.environment = ["PATH": "/usr/bin:/bin"].merging(app.environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        try await Task.sleep(for: .seconds(3))
        process.terminate()
        process.waitUntilExit()
        let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        XCTAssertGreaterThanOrEqual(lines.count, printedSoFar + 2, "followed: \(lines)")
        XCTAssertTrue(lines.last?.hasPrefix("tick ") == true, "\(lines)")
    }

    func testAnUnreadableModelServerFailsDiffAndStatusInOneLine() async throws {
        let app = try XCTUnwrap(app)
        let project = """
        apiVersion: sutactl/v1
        kind: Project
        metadata: {name: \(app.project)}
        spec:
          model_server: {service: ollama, url: "http://127.0.0.1:1", models: [{name: tinyllama}]}

        """ + ScratchManifests.service("ollama", web)
        try project.write(to: app.directory.appendingPathComponent("manifests/app.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try app.sutactl(["apply", "--wait"]).status, 4, "the model server cannot be reached")
        for command in ["diff", "status"] {
            let outcome = try app.sutactl([command])
            XCTAssertEqual(outcome.status, 7, "\(command): \(outcome.stdout)\(outcome.stderr)")
            let errors = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }
            XCTAssertFalse(errors.isEmpty, outcome.stderr)
            XCTAssertTrue(errors[0].contains("cannot reach the Ollama server at http://127.0.0.1:1"), outcome.stderr)
        }
    }
}
