import Foundation
import SutaClients
import SutaHTTP
import XCTest

/// `sutactl controller` against a real engine: drift repair, recreation, manifest edits
/// (valid and invalid), an engine restart, metrics, and a clean stop on SIGTERM. The engine
/// is a private dockerd the test starts (``PrivateEngine``): it restarts that one, never
/// the machine's engine and the containers the user runs on it.
final class ControllerIntegrationTests: XCTestCase {
    private var project = ""
    private var directory: URL { EngineHarness.directory(of: project) }
    private var manifest: URL { directory.appendingPathComponent("manifests/app.yaml") }
    private var controller: Process?
    private var engine: PrivateEngine?
    /// The host's docker0 before the private engine started (0 when there is none).
    private var hostBridge: UInt32 = 0

    override func setUp() async throws {
        project = try await EngineHarness.scratchProject("ctl")
        hostBridge = if_nametoindex("docker0")
        engine = try PrivateEngine.start()
    }

    override func tearDown() async throws {
        if let controller, controller.isRunning {
            kill(controller.processIdentifier, SIGKILL)
            controller.waitUntilExit()
        }
        engine?.stop()
        await EngineHarness.removeScratch(project)
    }

    /// The private engine's client.
    private var docker: DockerClient {
        get throws { try XCTUnwrap(engine).client }
    }

    /// The environment of every sutactl process of the test: the private engine, the
    /// project's own state directory.
    private var environment: [String: String] {
        ["DOCKER_HOST": engine?.host ?? "", "SUTACTL_STATE_DIR": directory.appendingPathComponent("state").path]
    }

    private func write(mode: String, extra: String = "") throws {
        try """
        apiVersion: sutactl/v1
        kind: Project
        metadata: {name: \(project)}
        ---
        apiVersion: sutactl/v1
        kind: Service
        metadata: {name: web}
        spec:
          image: sutactl-standin:1
          command: ["8080"]
          environment: {MODE: \(mode)}
          healthcheck: {http: {port: 8080, path: /health}, interval: 500ms, timeout: 2s, retries: 3}
          stop_grace_period: 1s
        \(extra)
        """.write(to: manifest, atomically: true, encoding: .utf8)
    }

    private var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("controller.log"), encoding: .utf8)) ?? ""
    }

    /// Polls `condition` every 100 ms for at most `seconds`.
    private func eventually(_ seconds: Double, _ what: String, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTFail("timed out after \(seconds)s waiting for \(what)\nlog:\n\(log)")
        throw EngineUnavailable(message: "timed out waiting for \(what)")
    }

    private func web() async throws -> (id: String, state: String, env: [String])? {
        let docker = try docker
        guard let container = try await EngineHarness.containers(of: project, on: docker).first else { return nil }
        // Listed a moment before the controller removed it: as good as not there yet.
        guard let inspect = try? await docker.inspectContainer(container.id) else { return nil }
        return (container.id, inspect.state.status, inspect.config.env)
    }

    func testControllerRepairsReloadsSurvivesAnEngineRestartAndStopsCleanly() async throws {
        try write(mode: "one")
        let metricsPort = EngineHarness.freePort()
        let process = Process()
        process.executableURL = SutactlRunner.binary
        process.arguments = ["controller", "-f", "manifests", "--metrics-port", String(metricsPort), "--resync", "3s"]
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        FileManager.default.createFile(atPath: directory.appendingPathComponent("controller.log").path, contents: nil)
        let output = try FileHandle(forWritingTo: directory.appendingPathComponent("controller.log"))
        process.standardOutput = output
        process.standardError = output
        try process.run()
        controller = process

        try await eventually(20, "the first container running") { try await self.web()?.state == "running" }
        let firstNow = try await web()
        let first = try XCTUnwrap(firstNow)

        // Killed behind its back: the same container is running again, and the latency logged.
        try await docker.killContainer(first.id)
        try await eventually(10, "the killed container running again") {
            let now = try await self.web()
            return now?.id == first.id && now?.state == "running" && self.log.contains("repaired web after ")
        }
        XCTAssertNotNil(log.range(of: #"repaired web after \w+ latency=\d+\.\d+s"#, options: .regularExpression), log)

        // Removed: recreated.
        try await docker.removeContainer(first.id, force: true)
        try await eventually(10, "a new container") { let now = try await self.web(); return now != nil && now?.id != first.id && now?.state == "running" }
        let secondNow = try await web()
        let second = try XCTUnwrap(secondNow)

        // A manifest edit is applied.
        try write(mode: "two")
        try await eventually(15, "the edit applied") { try await self.web()?.env.contains("MODE=two") == true }
        let thirdNow = try await web()
        let third = try XCTUnwrap(thirdNow)
        XCTAssertNotEqual(third.id, second.id)

        // An invalid edit is reported; the last good state stays.
        try write(mode: "three", extra: "  no_such_field: true")
        try await eventually(10, "the invalid edit reported") { self.log.contains("manifests changed but are invalid; keeping the last good state") }
        XCTAssertTrue(log.contains("unknown field `no_such_field` in service spec"), log)
        let keptNow = try await web()
        let kept = try XCTUnwrap(keptNow)
        XCTAssertEqual(kept.id, third.id)
        XCTAssertTrue(kept.env.contains("MODE=two"))
        try write(mode: "two")

        // Metrics and health endpoints.
        let client = HTTPClient(endpoint: .tcp(host: "127.0.0.1", port: metricsPort))
        let healthz = try await client.send(HTTPRequest(path: "/healthz"))
        XCTAssertEqual(healthz.status, 200)
        let metrics = String(decoding: try await client.send(HTTPRequest(path: "/metrics")).body, as: UTF8.self)
        for series in ["sutactl_reconcile_total ", "sutactl_drift_repairs_total ", "sutactl_drift_repair_last_seconds ",
                       "sutactl_manifest_reloads_total 1", "sutactl_manifest_errors_total ", "sutactl_service_healthy{service=\"web\"} "] {
            XCTAssertTrue(metrics.contains(series), "\(series) missing from:\n\(metrics)")
        }
        let repairs = metrics.split(separator: "\n").first { $0.hasPrefix("sutactl_drift_repairs_total ") }
        XCTAssertGreaterThanOrEqual(Int(repairs?.split(separator: " ").last ?? "0") ?? 0, 2)

        // The (private) engine restarts: the controller reconnects and brings the container back.
        // The machine's engine is not touched: its default bridge is the same interface after.
        try XCTUnwrap(engine).restart()
        XCTAssertEqual(if_nametoindex("docker0"), hostBridge, "the private engine left the host's docker0 alone")
        try await eventually(30, "the container running after the engine restart") { try await self.web()?.state == "running" }
        XCTAssertTrue(log.contains("lost the engine's event stream; retrying"), log)

        // SIGTERM: the controller finishes, says so, and exits 0; the lock is free again.
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertTrue(log.hasSuffix("controller stopped\n"), log)
        let apply = try SutactlRunner.run(["apply", "--no-wait"], environment: environment, in: directory)
        XCTAssertEqual(apply.status, 0, apply.stderr)
    }
}

/// The controller's supervision of a service that keeps dying: restarts with backoff, then
/// a crash loop that leaves it stopped.
final class ControllerSupervisionIntegrationTests: XCTestCase {
    private var project = ""
    private var directory: URL { EngineHarness.directory(of: project) }

    override func setUp() async throws {
        project = try await EngineHarness.scratchProject("cls")
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(project)
    }

    /// `sutactl controller` on the project's manifests, its output in `controller.log`.
    private func startController() throws -> (Process, URL) {
        let logFile = directory.appendingPathComponent("controller.log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let process = Process()
        process.executableURL = SutactlRunner.binary
        process.arguments = ["controller", "-f", "manifests", "--resync", "60s"]
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin", "SUTACTL_STATE_DIR": directory.appendingPathComponent("state").path]
        let output = try FileHandle(forWritingTo: logFile)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return (process, logFile)
    }

    /// The Project document with a supervision policy, then the services.
    private func write(supervision: String, _ services: String) throws {
        try """
        apiVersion: sutactl/v1
        kind: Project
        metadata: {name: \(project)}
        spec:
          supervision: {\(supervision)}
        ---
        apiVersion: sutactl/v1
        kind: Service
        metadata: {name: agent}
        spec:
          image: sutactl-standin:1
          entrypoint: ["/bin/sh", "-c", "sleep 1; exit 3"]
          supervised: true
        \(services)
        """.write(to: directory.appendingPathComponent("manifests/app.yaml"), atomically: true, encoding: .utf8)
    }

    func testADyingSupervisedServiceIsRestartedWithBackoffThenHeldAsCrashLooping() async throws {
        try write(supervision: "backoff_base: 100ms, backoff_cap: 300ms, max_restarts: 3, restart_window: 10m", "")
        let (process, logFile) = try startController()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        var log = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !log.contains("agent is crash-looping; not restarting it") {
            try await Task.sleep(for: .milliseconds(200))
            log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
        }
        XCTAssertTrue(log.contains("agent is crash-looping; not restarting it restarts=3"), log)
        for attempt in 1...3 { XCTAssertTrue(log.contains("restarting agent after backoff attempt=\(attempt)"), log) }
        // The first restart at once, then each after its backoff (base 100ms doubling, capped at 300ms).
        XCTAssertTrue(log.contains("attempt=1 backoff=0s") && log.contains("attempt=2 backoff=200ms") && log.contains("attempt=3 backoff=300ms"), log)
        // Held: it stays exited.
        try await Task.sleep(for: .seconds(2))
        let containers = try await EngineHarness.containers(of: project)
        let container = try XCTUnwrap(containers.first)
        XCTAssertEqual(container.state, "exited")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let status = try SutactlRunner.run(["status", "-o", "json"], environment: ["SUTACTL_STATE_DIR": directory.appendingPathComponent("state").path],
                                           in: directory)
        XCTAssertTrue(status.stdout.contains("\"crashLooping\": true"), status.stdout)
    }

    /// Level-based: a pass never sleeps a backoff, so a service waiting for its next restart
    /// does not hold up another service's repair.
    func testOneServicesBackoffDoesNotDelayAnothersRepair() async throws {
        try write(supervision: "backoff_base: 8s, backoff_cap: 8s, max_restarts: 5, restart_window: 10m", """
        ---
        apiVersion: sutactl/v1
        kind: Service
        metadata: {name: web}
        spec:
          image: sutactl-standin:1
          command: ["8080"]
          stop_grace_period: 1s
        """)
        let (process, logFile) = try startController()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        func log() -> String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

        // agent died once and was restarted at once; its next restart waits 8 s.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !log().contains("restarting agent after backoff attempt=1") { try await Task.sleep(for: .milliseconds(100)) }
        XCTAssertTrue(log().contains("restarting agent after backoff attempt=1"), log())
        try await Task.sleep(for: .seconds(2))   // agent has died again: its restart is due in about 7 s
        let containers = try await EngineHarness.containers(of: project)
        let web = try XCTUnwrap(containers.first { $0.labels["sutactl.service"] == "web" })
        try await EngineHarness.client.killContainer(web.id)
        let killed = Date()
        while Date().timeIntervalSince(killed) < 5, !log().contains("repaired web after") { try await Task.sleep(for: .milliseconds(100)) }
        XCTAssertTrue(log().contains("repaired web after"), log())
        XCTAssertLessThan(Date().timeIntervalSince(killed), 5, "web was repaired within seconds")
        XCTAssertFalse(log().contains("restarting agent after backoff attempt=2"), "agent is still in its backoff: \(log())")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }
}
