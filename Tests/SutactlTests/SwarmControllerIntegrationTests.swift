import Foundation
import SutaClients
import SutaHTTP
import XCTest

/// `sutactl controller` in engine mode swarm on a 3-node lab of the test's own: a service
/// scaled by hand through the Engine API is put back, a node whose dockerd stops is reported,
/// and /metrics shows the services' tasks, the repairs and the nodes.
final class SwarmControllerIntegrationTests: XCTestCase {
    func testControllerRepairsDriftReportsANodeDownAndServesMetrics() async throws {
        let lab = try SwarmLab.start()
        defer { lab.stop() }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("swarm-ctl-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: state) }
        let manifests = try SutactlRunner.fixtures.appendingPathComponent("swarm").path
        let environment = ["DOCKER_HOST": lab.host, "SUTACTL_STATE_DIR": state.path, "API_TOKEN": "token-\(UUID().uuidString.prefix(8))"]
        let applied = try SutactlRunner.run(["apply", "-f", manifests, "--timeout", "90s"], environment: environment)
        XCTAssertEqual(applied.status, 0, applied.stderr + applied.stdout)

        let metricsPort = EngineHarness.freePort()
        let controller = try BackgroundSutactl(["controller", "-f", manifests, "--metrics-port", String(metricsPort), "--resync", "5s"],
                                               environment: environment, in: state, name: "controller")
        let started = await BackgroundSutactl.eventually(30) { controller.stdout.contains("controller started") }
        XCTAssertTrue(started, controller.stdout + controller.stderr)

        // Scaled down by hand through the Engine API: the controller scales it back.
        let docker = try DockerClient.fromEnvironment(["DOCKER_HOST": lab.host])
        var web = try await docker.inspectService("swarmt_web")
        var spec = web.spec
        spec.mode = .init(replicas: 1)
        try await docker.updateService(web.id, version: web.version, spec: spec)
        let repaired = try await BackgroundSutactl.eventually(60) {
            web = try await docker.inspectService("swarmt_web")
            return web.spec.mode?.replicated?.replicas == 3 && controller.stdout.contains("repaired web after service update")
        }
        XCTAssertTrue(repaired, "replicas \(web.spec.mode?.replicated?.replicas ?? -1)\n" + controller.stdout + controller.stderr)
        XCTAssertTrue(controller.stdout.contains("~ replicas 1 -> 3"), controller.stdout)

        // Metrics per service, once its 3 tasks run again.
        let client = HTTPClient(endpoint: .tcp(host: "127.0.0.1", port: metricsPort))
        var metrics = ""
        let counted = try await BackgroundSutactl.eventually(60) {
            metrics = String(decoding: try await client.send(HTTPRequest(path: "/metrics")).body, as: UTF8.self)
            return metrics.contains("sutactl_service_running_tasks{service=\"web\"} 3")
        }
        XCTAssertTrue(counted, metrics)
        for series in ["sutactl_service_desired_tasks{service=\"web\"} 3", "sutactl_service_desired_tasks{service=\"client\"} 1",
                       "sutactl_service_healthy{service=\"web\"} 1", "sutactl_swarm_node_ready{node=\"\(lab.name)3\"} 1",
                       "sutactl_reconcile_duration_seconds_sum "] {
            XCTAssertTrue(metrics.contains(series), "\(series) missing from:\n\(metrics)")
        }
        let repairs = metrics.split(separator: "\n").first { $0.hasPrefix("sutactl_drift_repairs_total ") }
        XCTAssertGreaterThanOrEqual(Int(repairs?.split(separator: " ").last ?? "") ?? 0, 1, metrics)

        // A node's dockerd stops: the controller says so, and the node's gauge drops.
        try lab.stopNode(3)
        let reported = await BackgroundSutactl.eventually(90) { controller.stdout.contains("node \(lab.name)3 is down") }
        XCTAssertTrue(reported, controller.stdout + controller.stderr)
        metrics = String(decoding: try await client.send(HTTPRequest(path: "/metrics")).body, as: UTF8.self)
        XCTAssertTrue(metrics.contains("sutactl_swarm_node_ready{node=\"\(lab.name)3\"} 0"), metrics)

        kill(controller.pid, SIGTERM)
        let status = try await controller.exitStatus(within: 30)
        XCTAssertEqual(status, 0, controller.stdout + controller.stderr)
        XCTAssertTrue(controller.stdout.contains("controller stopped"), controller.stdout)
        let down = try SutactlRunner.run(["down", "-f", manifests], environment: environment)
        XCTAssertEqual(down.status, 0, down.stderr + down.stdout)
    }
}
