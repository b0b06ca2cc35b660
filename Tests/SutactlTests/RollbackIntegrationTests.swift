import Foundation
import SutaClients
import XCTest

/// Health-gated rollouts on the real engine: a replacement that fails its health check, or
/// cannot have its port, is rolled back to the very same container with its data; start-first
/// keeps the old one serving; a SIGKILL in the middle of a rollout is finished by the next apply.
final class RollbackIntegrationTests: XCTestCase {
    private var app: ScratchManifests?

    override func setUp() async throws {
        app = ScratchManifests(project: try await EngineHarness.scratchProject("rb"))
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(app?.project ?? "")
    }

    private static let volume = "---\napiVersion: sutactl/v1\nkind: Volume\nmetadata: {name: data}\n"

    /// `db` on the stand-in with a data volume (so it rolls stop-first) and `check` as its health check.
    private static func db(check: String, mode: String) -> String {
        volume + ScratchManifests.service("db", """
          command: ["8080"]
          environment: {MODE: \(mode)}
          volumes: ["data:/data"]
          healthcheck: \(check)
          stop_grace_period: 2s
        """)
    }

    private static let passing = "{http: {port: 8080, path: /health}, interval: 300ms, retries: 3}"

    private func docker(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/docker")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func inspect(_ id: String) async throws -> ContainerInspect { try await EngineHarness.client.inspectContainer(id) }

    func testAFailingHealthCheckRollsBackToTheSameContainerWithItsData() async throws {
        let app = try XCTUnwrap(app)
        try app.write(Self.db(check: Self.passing, mode: "one"))
        XCTAssertEqual(try app.sutactl(["apply", "--wait"]).status, 0)
        let before = try await EngineHarness.idsByService(app.project)
        let id = try XCTUnwrap(before["db"]?.first)
        XCTAssertEqual(try docker(["exec", id, "sh", "-c", "echo kept > /data/marker && cat /data/marker"]), "kept")

        try app.write(Self.db(check: "{test: [CMD-SHELL, \"echo v2-check-says-no; exit 1\"], interval: 300ms, retries: 2}", mode: "two"))
        let rolled = try app.sutactl(["apply", "--timeout", "60s"])
        XCTAssertEqual(rolled.status, 4, rolled.stderr + rolled.stdout)
        XCTAssertTrue(rolled.stdout.contains("rolled back service db: the new container is unhealthy; last health check: v2-check-says-no"),
                      rolled.stdout)
        let after = try await EngineHarness.idsByService(app.project)
        XCTAssertEqual(after, before, "the same container, and nothing else left (no previous generation, no failed one)")
        let restored = try await inspect(id)
        XCTAssertEqual(restored.name, "/\(app.project)-db-1", "back under its name")
        XCTAssertEqual(restored.state.status, "running")
        XCTAssertEqual(restored.state.health?.status, "healthy", "apply waited until it was healthy again")
        XCTAssertTrue(restored.config.env.contains("MODE=one"))
        XCTAssertEqual(try docker(["exec", id, "cat", "/data/marker"]), "kept", "its data volume never went away")
        XCTAssertEqual(try app.sutactl(["diff"]).status, 1, "the change is still to be made")
    }

    func testAPortThatCannotBeBoundIsRolledBackWithoutStoppingTheContainer() async throws {
        let app = try XCTUnwrap(app)
        let ports = EngineHarness.freePorts(2)
        let web = "  command: [\"8080\"]\n  healthcheck: \(Self.passing)\n  stop_grace_period: 2s\n  ports: "
        try app.write(ScratchManifests.service("web", web + "[\"127.0.0.1:\(ports[0]):8080\"]"))
        XCTAssertEqual(try app.sutactl(["apply", "--wait"]).status, 0)
        let before = try await EngineHarness.idsByService(app.project)
        let started = try await inspect(try XCTUnwrap(before["web"]?.first)).state.startedAt

        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(ports[1]).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        XCTAssertEqual(bound, 0)
        XCTAssertEqual(listen(holder, 1), 0)

        try app.write(ScratchManifests.service("web", web + "[\"127.0.0.1:\(ports[1]):8080\"]"))
        let rolled = try app.sutactl(["apply"])
        XCTAssertEqual(rolled.status, 4, rolled.stderr + rolled.stdout)
        XCTAssertTrue(rolled.stdout.contains("rolled back service web: host port 127.0.0.1:\(ports[1])/tcp is held by another process"),
                      rolled.stdout)
        let after = try await EngineHarness.idsByService(app.project)
        XCTAssertEqual(after, before)
        let restored = try await inspect(try XCTUnwrap(after["web"]?.first))
        XCTAssertEqual(restored.state.startedAt, started, "never stopped")
        XCTAssertEqual(restored.state.health?.status, "healthy")
    }

    func testStartFirstReplacesWithoutStoppingAndRollsBackToTheRunningContainer() async throws {
        let app = try XCTUnwrap(app)
        let api = { (mode: String, check: String) in
            ScratchManifests.service("api", "  command: [\"8080\"]\n  environment: {MODE: \(mode)}\n  healthcheck: \(check)\n  stop_grace_period: 2s")
        }
        try app.write(api("one", Self.passing))
        XCTAssertEqual(try app.sutactl(["apply", "--wait"]).status, 0)
        let first = try await EngineHarness.idsByService(app.project)

        try app.write(api("two", Self.passing))
        let forward = try app.sutactl(["apply", "-o", "json"])
        XCTAssertEqual(forward.status, 0, forward.stderr + forward.stdout)
        let second = try await EngineHarness.idsByService(app.project)
        XCTAssertNotEqual(second["api"], first["api"])
        XCTAssertEqual(second["api"]?.count, 1, "the old one went once the new one was healthy")
        let id = try XCTUnwrap(second["api"]?.first)
        let replaced = try await inspect(id)
        XCTAssertEqual(replaced.state.health?.status, "healthy", "apply returned once the new one passed")
        let started = replaced.state.startedAt

        try app.write(api("three", "{test: [CMD-SHELL, \"exit 1\"], interval: 300ms, retries: 2}"))
        let rolled = try app.sutactl(["apply"])
        XCTAssertEqual(rolled.status, 4, rolled.stderr + rolled.stdout)
        XCTAssertTrue(rolled.stdout.contains("rolled back service api: the new container is unhealthy"), rolled.stdout)
        let third = try await EngineHarness.idsByService(app.project)
        XCTAssertEqual(third, second)
        let kept = try await inspect(id)
        XCTAssertEqual(kept.state.startedAt, started, "start-first: the old container kept running the whole time")
        XCTAssertEqual(kept.name, "/\(app.project)-api-1")
    }

    func testSigkillDuringARolloutIsFinishedByTheNextApply() async throws {
        let app = try XCTUnwrap(app)
        try app.write(Self.db(check: Self.passing, mode: "v0"))
        XCTAssertEqual(try app.sutactl(["apply", "--wait"]).status, 0)
        let volume = try docker(["volume", "inspect", "-f", "{{.Name}}", "\(app.project)_data"])
        XCTAssertEqual(volume, "\(app.project)_data")
        let ids = try await EngineHarness.idsByService(app.project)
        let id = try XCTUnwrap(ids["db"]?.first)
        _ = try docker(["exec", id, "sh", "-c", "echo kept > /data/marker"])

        // Kill points across the rollout: setting the old one aside, creating, waiting for health.
        for (round, milliseconds) in [60, 250, 500, 900, 1400].enumerated() {
            try app.write(Self.db(check: Self.passing, mode: "v\(round + 1)"))
            let background = try BackgroundSutactl(["apply"], environment: app.environment, in: app.directory, name: "kill-\(round)")
            try await Task.sleep(for: .milliseconds(milliseconds))
            background.kill()
            _ = try await background.exitStatus(within: 10)
            let again = try app.sutactl(["apply", "--timeout", "60s"])
            XCTAssertEqual(again.status, 0, "round \(round), killed after \(milliseconds) ms: " + again.stderr + again.stdout)
            let containers = try await EngineHarness.containers(of: app.project)
            XCTAssertEqual(containers.map(\.name), ["\(app.project)-db-1"], "round \(round): no duplicate, no previous generation left")
            let running = try await inspect(containers[0].id)
            XCTAssertTrue(running.config.env.contains("MODE=v\(round + 1)"), "round \(round): rolled forward")
            XCTAssertEqual(running.state.health?.status, "healthy", "round \(round)")
            XCTAssertEqual(try docker(["exec", containers[0].id, "cat", "/data/marker"]), "kept", "round \(round): the data stays")
            XCTAssertEqual(try app.sutactl(["diff"]).status, 0, "round \(round): nothing left to change")
        }
    }
}
