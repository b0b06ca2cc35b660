import Foundation
import XCTest

/// Engine mode swarm end to end on a 3-node lab of the test's own: spread and healthy, names
/// across nodes (dnsrr), secrets only as files, a failing update rolled back, a node lost,
/// and `down` leaving nothing on any node.
final class SwarmIntegrationTests: XCTestCase {
    func testSwarmLifecycle() throws {
        let lab = try SwarmLab.start()
        defer { lab.stop() }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("swarm-state-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: state) }
        let manifests = try SutactlRunner.fixtures.appendingPathComponent("swarm").path
        let secret = "swarm-secret-\(UUID().uuidString.prefix(8))"
        var environment = ["DOCKER_HOST": lab.host, "SUTACTL_STATE_DIR": state.path, "API_TOKEN": secret]
        func sutactl(_ arguments: String...) throws -> SutactlRunner.Outcome {
            try SutactlRunner.run(arguments + ["-f", manifests], environment: environment)
        }

        // Deployed, spread over the 3 nodes, healthy.
        let applied = try sutactl("apply", "--timeout", "90s")
        XCTAssertEqual(applied.status, 0, applied.stderr + applied.stdout)
        var status = try sutactl("status")
        XCTAssertTrue(status.stdout.contains("web  3/3 running  endpoint dnsrr"), status.stdout)
        for node in ["stl", "stl", "stl"].indices.map({ "\(lab.name)\($0 + 1)" }) {
            XCTAssertTrue(status.stdout.contains("task on \(node): running, healthy"), status.stdout)
        }
        XCTAssertEqual(try sutactl("diff").status, 0, "a second look finds nothing to change")

        // depends_on: client was created only once every web task ran healthy.
        XCTAssertTrue(applied.stderr.contains("create service client: waiting for web to be healthy"), applied.stderr)
        let clientCreated = try XCTUnwrap(Int64(try lab.docker(1, "service", "inspect", "--format", "{{.CreatedAt.UnixNano}}", "swarmt_client")
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        let webTasks = try lab.docker(1, "service", "ps", "-q", "--filter", "desired-state=running", "swarmt_web").split(separator: "\n").map(String.init)
        XCTAssertEqual(webTasks.count, 3)
        for task in webTasks {
            let running = try XCTUnwrap(Int64(try lab.docker(1, "inspect", "--format", "{{.Status.Timestamp.UnixNano}}", task)
                .trimmingCharacters(in: .whitespacesAndNewlines)))
            XCTAssertLessThan(running, clientCreated, "web task \(task) became healthy after client was created")
        }

        // rollout history and undo, as in container mode: a change is revision 2, undo goes back.
        environment["CLIENT_MODE"] = "b"
        XCTAssertEqual(try sutactl("apply", "--timeout", "90s").status, 0)
        environment["CLIENT_MODE"] = nil
        let history = try sutactl("rollout", "history", "client")
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertTrue(history.stdout.contains("\n1 ") && history.stdout.contains("\n2 "), history.stdout)
        XCTAssertTrue(history.stdout.contains("environment.MODE"), history.stdout)
        XCTAssertTrue(try lab.docker(1, "service", "inspect", "swarmt_client").contains("MODE=b"))
        let undo = try SutactlRunner.run(["rollout", "undo", "client", "-f", manifests], environment: environment.merging(["CLIENT_MODE": "b"]) { $1 })
        XCTAssertEqual(undo.status, 0, undo.stderr + undo.stdout)
        XCTAssertTrue(undo.stdout.contains("service client rolled back to revision 1 (now revision 3)"), undo.stdout)
        XCTAssertTrue(try lab.docker(1, "service", "inspect", "swarmt_client").contains("MODE=a"))

        // The client (on a worker) reaches web by name on the overlay network.
        let clientNode = (2...3).first { !((try? lab.docker($0, "ps", "-q", "--filter", "label=com.docker.swarm.service.name=swarmt_client")) ?? "").isEmpty }
        let node = try XCTUnwrap(clientNode)
        let client = try lab.docker(node, "ps", "-q", "--filter", "label=com.docker.swarm.service.name=swarmt_client")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try lab.docker(node, "exec", client, "timeout", "5", "wget", "-q", "-O", "-", "http://web:8080/")
            .trimmingCharacters(in: .whitespacesAndNewlines), "ok")

        // The secret is a file in web's tasks, never in an inspect.
        let inspect = try lab.docker(1, "service", "inspect", "swarmt_web")
        XCTAssertFalse(inspect.contains(secret))
        XCTAssertTrue(inspect.contains("API_TOKEN_FILE=/run/secrets/API_TOKEN"))
        for index in 1...3 {
            let web = try lab.docker(index, "ps", "-q", "--filter", "label=com.docker.swarm.service.name=swarmt_web")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            XCTAssertFalse(try lab.docker(index, "inspect", web).contains(secret))
            XCTAssertEqual(try lab.docker(index, "exec", web, "cat", "/run/secrets/API_TOKEN"), secret)
            XCTAssertEqual(try lab.docker(index, "exec", web, "cat", "/etc/web.conf"), "greeting=hello\n")
        }
        // The read-only file came as a swarm config, not as a bind of a path each node would need.
        XCTAssertTrue(inspect.contains("\"ConfigName\": \"swarmt_web_web.conf_"), inspect)
        XCTAssertFalse(inspect.contains("\"Type\": \"bind\""), inspect)
        // Limits and reservations.
        let resources = try lab.docker(1, "service", "inspect", "--format", "{{json .Spec.TaskTemplate.Resources}}", "swarmt_web")
        XCTAssertTrue(resources.contains("\"Reservations\":{\"NanoCPUs\":100000000,\"MemoryBytes\":16777216}"), resources)
        XCTAssertFalse(try sutactl("diff").stdout.contains(secret))

        // logs: every task's output through the manager (`/services/{id}/logs`), the secret masked.
        let logs = try SutactlRunner.run(["logs", "client", "--file", manifests], environment: environment)
        XCTAssertEqual(logs.status, 0, logs.stderr)
        XCTAssertTrue(logs.stdout.contains("client up, token ***"), logs.stdout)
        XCTAssertFalse(logs.stdout.contains(secret))
        XCTAssertEqual(try SutactlRunner.run(["logs", "nosuch", "--file", manifests], environment: environment).status, 1)

        // A failing health check on update is rolled back: exit 4.
        environment["WEB_CHECK_PORT"] = "9"
        let failing = try sutactl("apply", "--timeout", "120s")
        XCTAssertEqual(failing.status, 4, failing.stderr + failing.stdout)
        XCTAssertTrue(failing.stderr.contains("rolled back service web"), failing.stderr)
        environment["WEB_CHECK_PORT"] = nil
        status = try sutactl("status")
        XCTAssertTrue(status.stdout.contains("update rollback_completed"), status.stdout)

        // One node's dockerd stops: its tasks run on the others, and status says so.
        try lab.stopNode(3)
        var moved = false
        for _ in 0..<120 where !moved {
            status = try sutactl("status")
            moved = status.stdout.contains("\(lab.name)3 worker down") && status.stdout.contains("client  1/1 running")
                && !status.stdout.contains("task on \(lab.name)3: running")
            if !moved { usleep(500_000) }
        }
        XCTAssertTrue(moved, status.stdout)

        // down leaves nothing of the project on the nodes still up.
        let down = try SutactlRunner.run(["down", "-f", manifests, "--volumes"], environment: environment)
        XCTAssertEqual(down.status, 0, down.stderr + down.stdout)
        XCTAssertTrue(down.stderr.contains("note: volumes were not removed: on a swarm each node keeps its own copy"), down.stderr)
        XCTAssertEqual(try lab.docker(1, "service", "ls", "-q"), "")
        XCTAssertEqual(try lab.docker(1, "secret", "ls", "-q"), "")
        XCTAssertEqual(try lab.docker(1, "config", "ls", "-q"), "")
        // down returns once the services' tasks have stopped on the nodes that are up (node 3 is down).
        for index in 1...2 {
            XCTAssertEqual(try lab.docker(index, "ps", "-q", "--filter", "label=com.docker.swarm.service.name"), "", "node \(index)")
        }
        // The nodes stop and remove the tasks' containers (and the network's local copy) on their own, a little later.
        var left = ""
        for _ in 0..<60 {
            left = try (1...2).map { try lab.docker($0, "ps", "-aq", "--filter", "label=com.docker.swarm.service.name") }.joined()
                + (try lab.docker(1, "network", "ls", "--format", "{{.Name}}").split(separator: "\n").filter { $0.hasPrefix("swarmt_") }.joined())
            if left.isEmpty { break }
            usleep(500_000)
        }
        XCTAssertEqual(left, "")
    }

    /// The SutazAI platform's minimal profile (offline images) on the lab, with the issue's own
    /// command: healthy, spread over more than one node, in `status`; the loopback ports stay
    /// unpublished (said so). `profile` with the examples/swarm overlay then publishes them on
    /// the nodes; `down` leaves nothing.
    func testMinimalPlatformProfile() throws {
        // As docs/swarm.md's sequence: `make swarm-lab`, its DOCKER_HOST, ..., `make swarm-lab-down`.
        let lab = try SwarmLab.start(throughMake: true)
        defer { lab.stop() }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("swarm-min-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: state) }
        let root = SutactlRunner.repositoryRoot.path
        var environment = ["DOCKER_HOST": lab.host, "SUTACTL_STATE_DIR": state.path]
        for secret in ["POSTGRES_PASSWORD", "JWT_SECRET_KEY", "SECRET_KEY", "NEO4J_PASSWORD", "GRAFANA_PASSWORD",
                       "RABBITMQ_DEFAULT_PASS", "REDIS_PASSWORD", "CHROMADB_API_KEY"] {
            environment[secret] = "s-\(UUID().uuidString.prefix(8))"
        }
        let manifests = ["-f", "\(root)/manifests/", "-f", "\(root)/examples/offline/", "--engine", "swarm"]
        let files = manifests + ["--profile", "minimal,offline"]
        let applied = try SutactlRunner.run(["apply", "--timeout", "120s"] + files, environment: environment)
        XCTAssertEqual(applied.status, 0, applied.stderr + applied.stdout)
        XCTAssertTrue(applied.stderr.contains("warning: port 127.0.0.1:10010:8000/tcp is not published in engine mode swarm"), applied.stderr)
        XCTAssertFalse(try lab.docker(1, "service", "inspect", "sutazai_backend").contains("PublishedPort"))
        let status = try SutactlRunner.run(["status"] + files, environment: environment)
        for service in ["postgres", "redis", "qdrant", "ollama", "backend", "frontend", "prometheus", "grafana"] {
            XCTAssertTrue(status.stdout.contains("\(service)  1/1 running"), status.stdout)
        }
        let nodes = (1...3).filter { status.stdout.contains("task on \(lab.name)\($0): running") }
        // Spread over the 3 nodes (the swarm places each new task on the node with the fewest).
        XCTAssertEqual(nodes.count, 3, status.stdout)

        // The same in JSON, the container mode's shape plus tasks and nodes; diff -o json finds nothing to do.
        let json = try SutactlRunner.run(["status", "-o", "json"] + files, environment: environment)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], json.stdout)
        XCTAssertEqual(object["engine"] as? String, "swarm")
        let services = try XCTUnwrap(object["services"] as? [[String: Any]])
        XCTAssertEqual(services.count, 8)
        for service in services {
            XCTAssertEqual(service["ready"] as? Int, 1, "\(service)")
            XCTAssertEqual(service["health"] as? String, "healthy", "\(service)")
        }
        XCTAssertEqual((object["nodes"] as? [Any])?.count, 3)
        let diff = try SutactlRunner.run(["diff", "-o", "json"] + files, environment: environment)
        XCTAssertEqual(diff.status, 0, diff.stderr + diff.stdout)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any], diff.stdout)

        // `profile` in swarm mode: the overlay moves the ports to 0.0.0.0, published in host mode.
        let withOverlay = manifests + ["-f", "\(root)/examples/swarm/"]
        let switched = try SutactlRunner.run(["profile", "minimal,offline,swarm", "--timeout", "120s"] + withOverlay, environment: environment)
        XCTAssertEqual(switched.status, 0, switched.stderr + switched.stdout)
        XCTAssertTrue(switched.stdout.contains("8 updated"), switched.stdout)
        let published = try lab.docker(1, "service", "inspect", "--format", "{{json .Endpoint.Spec.Ports}}", "sutazai_backend")
        XCTAssertTrue(published.contains("\"PublishedPort\":10010") && published.contains("\"PublishMode\":\"host\""), published)
        let active = try SutactlRunner.run(["profile"] + withOverlay, environment: environment)
        XCTAssertTrue(active.stdout.contains("active profile minimal,offline,swarm"), active.stdout)

        let down = try SutactlRunner.run(["down"] + manifests, environment: environment)
        XCTAssertEqual(down.status, 0, down.stderr + down.stdout)
        XCTAssertEqual(try lab.docker(1, "service", "ls", "-q"), "")
        XCTAssertEqual(try lab.docker(1, "secret", "ls", "-q"), "")
    }
}
