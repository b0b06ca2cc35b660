import Foundation
import XCTest

/// The shipped SutazAI manifests on the real engine with the offline stand-in overlay and
/// the test's own host ports: cold apply of minimal, growing to full, switching back with
/// `profile minimal`. Runs beside the demo (project `sutazai`).
final class PlatformIntegrationTests: XCTestCase {
    private let project = "sutazai-it"
    private var platform: PlatformHarness?

    override func setUp() async throws {
        platform = try await PlatformHarness(project: project, subnet: 213)
    }

    override func tearDown() async throws {
        await platform?.tearDown()
    }

    private func sutactl(_ arguments: [String]) throws -> SutactlRunner.Outcome {
        try XCTUnwrap(platform).sutactl(arguments)
    }

    private func runningAndHealthy() async throws -> [String: String] {
        var result: [String: String] = [:]
        for container in try await EngineHarness.containers(of: project) {
            XCTAssertEqual(container.state, "running", container.name)
            XCTAssertTrue(container.status.contains("(healthy)"), "\(container.name): \(container.status)")
            result[container.labels["sutactl.service"]!] = container.id
        }
        return result
    }

    func testMinimalThenFullThenBackToMinimal() async throws {
        let platform = try XCTUnwrap(platform)
        let minimal = try sutactl(["apply"] + platform.manifestArguments + ["--profile", platform.profile("minimal,offline"),
                                   "--wait", "--timeout", "180s"])
        XCTAssertEqual(minimal.status, 0, minimal.stderr + minimal.stdout)
        let eight = try await runningAndHealthy()
        XCTAssertEqual(eight.keys.sorted(), ["backend", "frontend", "grafana", "ollama", "postgres", "prometheus", "qdrant", "redis"])

        // A fresh shell after the demo: no secret exported, no stand-in URL, so the model server
        // is the one the manifests name by default (the ollama container's published port).
        let ollamaPort = try platform.ports.hostPort("ollama", containerPort: 11434)
        let fresh = try SutactlRunner.run(["status", "--project", project], environment: [
            "SUTACTL_STATE_DIR": platform.environment["SUTACTL_STATE_DIR"]!, "OLLAMA_URL": "http://127.0.0.1:\(ollamaPort)",
            "SUTAZAI_SUBNET": platform.environment["SUTAZAI_SUBNET"]!, "SUTAZAI_GATEWAY": platform.environment["SUTAZAI_GATEWAY"]!,
        ])
        XCTAssertEqual(fresh.status, 0, fresh.stderr + fresh.stdout)
        // Nothing on stderr but, on a host with fewer than 4 CPUs, the warnings that backend's and
        // ollama's `cpus: 4` are lowered to the host's count.
        XCTAssertEqual(fresh.stderr.split(separator: "\n").filter { !$0.contains("CPU") }, [], fresh.stderr)
        XCTAssertTrue(fresh.stdout.contains("8/8 services running and healthy"), fresh.stdout)
        XCTAssertFalse(fresh.stdout.contains("config changed"), fresh.stdout)
        XCTAssertTrue(fresh.stdout.contains("unknown: environment (POSTGRES_PASSWORD unset)"), fresh.stdout)

        let full = try sutactl(["apply"] + platform.manifestArguments + ["--profile", platform.profile("full,offline"),
                                "--wait", "--timeout", "300s"])
        XCTAssertEqual(full.status, 0, full.stderr + full.stdout)
        let all = try await runningAndHealthy()
        XCTAssertEqual(all.count, 59)
        for (service, id) in eight { XCTAssertEqual(all[service], id, "\(service) was not touched by the profile change") }

        // The remembered paths and profile make a bare apply a no-op, and status clean.
        let again = try sutactl(["apply"])
        XCTAssertEqual(again.stdout, "no changes: 59 services up to date\n", again.stderr)
        let status = try sutactl(["status", "-o", "json"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(report["profile"] as? String, platform.profile("full,offline"))
        let services = try XCTUnwrap(report["services"] as? [[String: Any]])
        XCTAssertEqual(services.count, 59)
        XCTAssertEqual(services.filter { $0["drifted"] as? Bool == true }.count, 0)

        let back = try sutactl(["profile", platform.profile("minimal,offline"), "--wait"])
        XCTAssertEqual(back.status, 0, back.stderr + back.stdout)
        let remaining = try await runningAndHealthy()
        XCTAssertEqual(remaining, eight, "exactly the 8, the very same containers")
        let shown = try sutactl(["profile"])
        XCTAssertEqual(shown.stdout, "project \(project): active profile \(platform.profile("minimal,offline"))\n")
        // Volumes are kept by a profile switch.
        let volumes = try await EngineHarness.client.listVolumes(labelFilters: ["sutactl.project=\(project)"])
        XCTAssertEqual(volumes.count, 15)

        // down needs no -f and no profile: it uses the project's remembered manifests, even
        // though the remembered overlays live outside manifests/.
        let down = try sutactl(["down", "--volumes"])
        XCTAssertEqual(down.status, 0, down.stderr)
        let left = try await EngineHarness.containers(of: project)
        XCTAssertEqual(left.count, 0)
    }
}
