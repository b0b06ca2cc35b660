import Foundation
import SutaClients
import XCTest

/// `apply`, `diff`, `status`, `down` against the real engine with a small project on the
/// local stand-in image: convergence, idempotence, change detection, drift repair, prune,
/// foreign objects, and a kill in the middle of an apply.
final class ApplyIntegrationTests: XCTestCase {
    private var project = ""
    private var environment: [String: String] = [:]

    /// The project's temporary directory: manifests/ and the state directory.
    private var directory: URL { EngineHarness.directory(of: project) }

    override func setUp() async throws {
        project = try await EngineHarness.scratchProject("it")
        environment = ["SUTACTL_STATE_DIR": directory.appendingPathComponent("state").path]
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(project)
    }

    private func write(_ services: String) throws {
        let text = """
        apiVersion: sutactl/v1
        kind: Project
        metadata: {name: \(project)}
        ---
        apiVersion: sutactl/v1
        kind: Network
        metadata: {name: net}
        ---
        apiVersion: sutactl/v1
        kind: Volume
        metadata: {name: data}
        \(services)
        """
        try text.write(to: directory.appendingPathComponent("manifests/app.yaml"), atomically: true, encoding: .utf8)
    }

    private func service(_ name: String, port: Int? = nil, dependsOn: String? = nil, env: String = "one") -> String {
        """
        ---
        apiVersion: sutactl/v1
        kind: Service
        metadata: {name: \(name)}
        spec:
          image: sutactl-standin:1
          command: ["8080"]
          environment: {MODE: \(env)}
          networks: [net]
          volumes: ["data:/data"]
          healthcheck: {http: {port: 8080, path: /health}, interval: 300ms, timeout: 2s, retries: 3}
          stop_grace_period: 2s
        \(port.map { "  ports: [\"127.0.0.1:\($0):8080\"]" } ?? "")
        \(dependsOn.map { "  depends_on: {\($0): {condition: service_healthy}}" } ?? "")

        """
    }

    private func sutactl(_ arguments: [String]) throws -> SutactlRunner.Outcome {
        try SutactlRunner.run(arguments, environment: environment, in: directory)
    }

    func testConvergeIdempotentChangeDriftPruneDown() async throws {
        let port = EngineHarness.freePort()
        try write(service("db") + service("api", port: port, dependsOn: "db") + service("worker", dependsOn: "api"))

        // Cold apply: everything running and healthy.
        let cold = try sutactl(["apply", "-f", "manifests", "--wait", "--timeout", "60s"])
        XCTAssertEqual(cold.status, 0, cold.stderr + cold.stdout)
        XCTAssertTrue(cold.stdout.contains("containers 3 created, 0 recreated, 0 started, 0 removed; 2 networks/volumes changed"),
                      cold.stdout)
        let first = try await EngineHarness.idsByService(project)
        XCTAssertEqual(first.mapValues(\.count), ["db": 1, "api": 1, "worker": 1])
        for container in try await EngineHarness.containers(of: project) {
            XCTAssertEqual(container.state, "running")
            XCTAssertTrue(container.status.contains("(healthy)"), container.status)
        }
        let health = try await HTTPProbe.get(port: port, path: "/health")
        XCTAssertEqual(health, 200)

        // A second apply changes nothing, and says so; the diff is empty.
        let again = try sutactl(["apply"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "no changes: 3 services up to date\n")
        let second = try await EngineHarness.idsByService(project)
        XCTAssertEqual(second, first)
        XCTAssertEqual(try sutactl(["diff"]).status, 0)

        // Changing one service's environment recreates exactly that container.
        try write(service("db") + service("api", port: port, dependsOn: "db", env: "two") + service("worker", dependsOn: "api"))
        let diff = try sutactl(["diff"])
        XCTAssertEqual(diff.status, 1)
        XCTAssertTrue(diff.stdout.hasPrefix("recreate service api (container \(project)-api-1 "), diff.stdout)
        XCTAssertTrue(diff.stdout.hasSuffix("config changed: environment\n    ~ environment.MODE \"one\" -> \"two\"\n"), diff.stdout)
        let changed = try sutactl(["apply", "--wait"])
        XCTAssertEqual(changed.status, 0, changed.stderr)
        let third = try await EngineHarness.idsByService(project)
        XCTAssertEqual(third["db"], first["db"])
        XCTAssertEqual(third["worker"], first["worker"])
        XCTAssertNotEqual(third["api"], first["api"])
        XCTAssertEqual(third["api"]?.count, 1)

        // Drift behind sutactl's back: a stopped container is started, a removed one recreated.
        try await EngineHarness.client.stopContainer(third["worker"]![0], timeout: 1)
        try await EngineHarness.client.removeContainer(third["db"]![0], force: true)
        let status = try sutactl(["status", "-o", "json"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let services = try XCTUnwrap(report["services"] as? [[String: Any]])
        XCTAssertEqual(services.first { $0["name"] as? String == "db" }?["drifted"] as? Bool, true)
        XCTAssertEqual(services.first { $0["name"] as? String == "db" }?["state"] as? String, "missing")
        XCTAssertEqual(services.first { $0["name"] as? String == "worker" }?["state"] as? String, "exited")
        XCTAssertEqual(services.first { $0["name"] as? String == "api" }?["drifted"] as? Bool, false)
        let repaired = try sutactl(["apply", "--wait"])
        XCTAssertEqual(repaired.status, 0, repaired.stderr)
        let fourth = try await EngineHarness.idsByService(project)
        XCTAssertEqual(fourth["worker"], third["worker"], "a stopped container is started, not replaced")
        XCTAssertNotEqual(fourth["db"], third["db"])
        XCTAssertEqual(fourth.mapValues(\.count), ["db": 1, "api": 1, "worker": 1])

        // A service removed from the manifests stays until --prune.
        try write(service("db") + service("api", port: port, dependsOn: "db", env: "two"))
        let kept = try sutactl(["apply"])
        XCTAssertTrue(kept.stdout.contains("orphans (no longer in the manifests; kept, --prune removes them): worker"), kept.stdout)
        let beforePrune = try await EngineHarness.idsByService(project)
        XCTAssertNotNil(beforePrune["worker"])
        let pruned = try sutactl(["apply", "--prune"])
        XCTAssertEqual(pruned.status, 0, pruned.stderr)
        let afterPrune = try await EngineHarness.idsByService(project)
        XCTAssertNil(afterPrune["worker"])

        // Every mutating action is in the audit log, with no secret values in it.
        let audit = try String(contentsOf: directory.appendingPathComponent("state/projects/\(project)/audit.log"), encoding: .utf8)
        XCTAssertTrue(audit.contains("\"action\":\"recreate\""))
        XCTAssertTrue(audit.contains("\"action\":\"remove\""))

        // down removes containers and networks, keeps the volume unless asked.
        XCTAssertEqual(try sutactl(["down"]).status, 0)
        let afterDown = try await EngineHarness.containers(of: project)
        XCTAssertEqual(afterDown.count, 0)
        let volumes = try await EngineHarness.client.listVolumes(labelFilters: ["sutactl.project=\(project)"])
        XCTAssertEqual(volumes.map(\.name), ["\(project)_data"])
        XCTAssertEqual(try sutactl(["down", "--volumes"]).status, 0)
        let remaining = try await EngineHarness.client.listVolumes(labelFilters: ["sutactl.project=\(project)"])
        XCTAssertEqual(remaining.count, 0)
    }

    func testForeignContainerWithOurNameIsAnErrorAndUntouched() async throws {
        try write(service("api"))
        let foreign = try await EngineHarness.client.createContainer(
            name: "\(project)-api-1", body: ContainerCreateBody(image: "sutactl-standin:1", cmd: ["8080"], labels: ["owner": "someone-else"]))
        defer { Task { try? await EngineHarness.client.removeContainer(foreign.id, force: true) } }
        let outcome = try sutactl(["apply"])
        XCTAssertEqual(outcome.status, 5, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("container `\(project)-api-1` (\(foreign.id.prefix(12))) already exists and was not created by sutactl"),
                      outcome.stderr)
        let inspect = try await EngineHarness.client.inspectContainer(foreign.id)
        XCTAssertEqual(inspect.state.status, "created", "the foreign container is left as it was")
        XCTAssertEqual(inspect.config.labels["owner"], "someone-else")
        XCTAssertNil(inspect.config.labels["sutactl.project"])
        try await EngineHarness.client.removeContainer(foreign.id, force: true)
    }

    func testUnreachableEngineHasItsOwnMessageAndStatus() throws {
        try write(service("api"))
        environment["DOCKER_HOST"] = "unix://\(directory.path)/no-such.sock"
        let outcome = try sutactl(["apply"])
        XCTAssertEqual(outcome.status, 3, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("\(directory.path)/no-such.sock"), outcome.stderr)
    }

    func testKillDuringApplyThenApplyConvergesWithoutDuplicatesOrOrphans() async throws {
        // A chain of services, each waiting for the previous to be healthy: a long apply.
        var services = service("s0")
        for index in 1..<8 { services += service("s\(index)", dependsOn: "s\(index - 1)") }
        try write(services)
        let binary = SutactlRunner.binary
        let process = Process()
        process.executableURL = binary
        process.arguments = ["apply", "-f", "manifests"]
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill once some, not all, containers exist.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, try await EngineHarness.containers(of: project).count < 3 {
            try await Task.sleep(for: .milliseconds(50))
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        let partial = try await EngineHarness.containers(of: project).count
        XCTAssertLessThan(partial, 8, "the kill landed mid-apply")

        let outcome = try sutactl(["apply", "-f", "manifests", "--wait", "--timeout", "60s"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr + outcome.stdout)
        let ids = try await EngineHarness.idsByService(project)
        XCTAssertEqual(ids.count, 8)
        XCTAssertTrue(ids.values.allSatisfy { $0.count == 1 }, "no duplicates: \(ids)")
        let all = try await EngineHarness.containers(of: project)
        XCTAssertTrue(all.allSatisfy { $0.state == "running" })
        XCTAssertEqual(try sutactl(["apply"]).stdout, "no changes: 8 services up to date\n", "no orphans or leftovers")
    }
}

/// Health-driven supervision with a real container whose health never turns good.
final class SupervisionIntegrationTests: XCTestCase {
    private var project = ""
    private var directory: URL { EngineHarness.directory(of: project) }

    override func setUp() async throws {
        project = try await EngineHarness.scratchProject("sup")
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(project)
    }

    func testAFailingSupervisedServiceIsRestartedWithBackoffThenReportedCrashLooping() async throws {
        try """
        apiVersion: sutactl/v1
        kind: Project
        metadata: {name: \(project)}
        spec:
          supervision: {backoff_base: 200ms, backoff_cap: 400ms, failure_threshold: 1, max_restarts: 2, restart_window: 10m}
        ---
        apiVersion: sutactl/v1
        kind: Service
        metadata: {name: agent}
        spec:
          image: sutactl-standin:1
          command: ["8080"]
          supervised: true
          healthcheck: {http: {port: 8080, path: /no-such-path}, interval: 300ms, timeout: 1s, retries: 1}
          stop_grace_period: 1s
        """.write(to: directory.appendingPathComponent("manifests/app.yaml"), atomically: true, encoding: .utf8)
        let environment = ["SUTACTL_STATE_DIR": directory.appendingPathComponent("state").path]
        let id = { () async throws -> String in try await EngineHarness.containers(of: self.project).first!.id }

        let outcome = try SutactlRunner.run(["apply", "-f", "manifests", "--wait", "--timeout", "60s"], environment: environment, in: directory)
        XCTAssertEqual(outcome.status, 4, outcome.stderr + outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("error: agent not ready: crash-looping after 2 restarts: 2 restarts within 10m"), outcome.stderr)
        let container = try await EngineHarness.client.inspectContainer(try await id())
        XCTAssertEqual(container.state.status, "running", "restarted, not removed")

        let status = try SutactlRunner.run(["status", "-o", "json"], environment: environment, in: directory)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let agent = try XCTUnwrap((report["services"] as? [[String: Any]])?.first)
        XCTAssertEqual(agent["crashLooping"] as? Bool, true)
        XCTAssertEqual(agent["supervisorRestarts"] as? Int, 2)
        XCTAssertEqual(agent["health"] as? String, "unhealthy")
        let table = try SutactlRunner.run(["status"], environment: environment, in: directory)
        XCTAssertTrue(table.stdout.contains("crash-looping"), table.stdout)
    }
}
