import Foundation
import XCTest

/// Two `apply` processes on one project at once: the second waits for the project lock and
/// says whose it is, nothing interleaves (the audit log has every action of the first before
/// any of the second), and the second converges to its own manifests.
final class ConcurrentApplyFaultTests: XCTestCase {
    private var project = ""
    private var scratch: ScratchManifests { ScratchManifests(project: project) }

    override func setUp() async throws {
        project = try await EngineHarness.scratchProject("twice")
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(project)
    }

    /// A chain of five services, each waiting for the one before it to be healthy.
    private func write(mode: String) throws {
        var documents = "---\napiVersion: sutactl/v1\nkind: Network\nmetadata: {name: net}\n"
        for index in 0..<5 {
            documents += ScratchManifests.service("s\(index)", """
                  command: ["8080"]
                  environment: {MODE: \(mode)}
                  networks: [net]
                  healthcheck: {http: {port: 8080, path: /health}, interval: 300ms, timeout: 2s, retries: 3}
                  stop_grace_period: 1s
                \(index > 0 ? "  depends_on: {s\(index - 1): {condition: service_healthy}}" : "")
                """)
        }
        try scratch.write(documents)
    }

    func testASecondApplyWaitsForTheLockAndNothingInterleaves() async throws {
        try write(mode: "one")
        let first = try BackgroundSutactl(["apply", "-f", "manifests"], environment: scratch.environment, in: scratch.directory, name: "first")
        let lock = scratch.stateDirectory.appendingPathComponent("projects/\(project)/lock")
        let holds = await BackgroundSutactl.eventually(30) {
            (try? String(contentsOf: lock, encoding: .utf8)) == "\(first.pid)\n"
        }
        XCTAssertTrue(holds, "the first apply takes the lock:\n\(first.stderr)")
        XCTAssertTrue(first.process.isRunning, "the first apply is still running:\n\(first.stdout)")

        // The second reads other manifests (every container's environment changes) and waits.
        try write(mode: "two")
        let second = try BackgroundSutactl(["apply", "-f", "manifests"], environment: scratch.environment, in: scratch.directory, name: "second")
        let waits = await BackgroundSutactl.eventually(30) { second.stderr.contains("waiting for another sutactl") }
        XCTAssertTrue(waits, second.stderr)
        XCTAssertTrue(second.stderr.contains("waiting for another sutactl (pid \(first.pid)) to finish with this project…\n"), second.stderr)
        XCTAssertTrue(first.process.isRunning, "the second waits while the first runs")

        let firstStatus = try await first.exitStatus(within: 120)
        XCTAssertEqual(firstStatus, 0, first.stdout + first.stderr)
        let secondStatus = try await second.exitStatus(within: 120)
        XCTAssertEqual(secondStatus, 0, second.stdout + second.stderr)
        XCTAssertTrue(first.stdout.contains("containers 5 created, 0 recreated, 0 started, 0 removed; 1 network/volume changed"), first.stdout)
        XCTAssertTrue(second.stdout.contains("containers 0 created, 5 recreated, 0 started, 0 removed"), second.stdout)

        // The audit log: the first apply's six creates, then the second's five recreates.
        let audit = try String(contentsOf: scratch.stateDirectory.appendingPathComponent("projects/\(project)/audit.log"), encoding: .utf8)
        let entries = try audit.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], String(line))
        }
        XCTAssertEqual(entries.map { $0["action"] ?? "" }, Array(repeating: "create", count: 6) + Array(repeating: "recreate", count: 5), audit)
        XCTAssertEqual(entries.map { $0["result"] ?? "" }, Array(repeating: "ok", count: 11), audit)
        let times = entries.map { $0["time"] ?? "" }
        XCTAssertEqual(times, times.sorted(), "one JSON line per action, in time order: \(audit)")

        let containers = try await EngineHarness.containers(of: project)
        XCTAssertEqual(containers.map(\.name).sorted(), (0..<5).map { "\(project)-s\($0)-1" })
        for container in containers {
            let inspect = try await EngineHarness.client.inspectContainer(container.id)
            XCTAssertTrue(inspect.config.env.contains("MODE=two"), "\(container.name): \(inspect.config.env)")
        }
        let noop = try scratch.sutactl(["apply", "-f", "manifests"])
        XCTAssertEqual(noop.stdout, "no changes: 5 services up to date\n", noop.stderr)
    }
}
