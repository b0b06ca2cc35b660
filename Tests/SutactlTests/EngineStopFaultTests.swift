import Foundation
import SutaClients
import XCTest

/// The engine stopping in the middle of an apply, on a private engine of the test's own
/// (``PrivateEngine``, never the machine's): the apply ends at once with exit 3 and one
/// error line naming the socket, and once the engine is back the next apply converges.
final class EngineStopFaultTests: XCTestCase {
    private var project = ""
    private var engine: PrivateEngine?

    override func setUp() async throws {
        project = try await EngineHarness.scratchProject("stop")
        engine = try PrivateEngine.start()
    }

    override func tearDown() async throws {
        engine?.stop()
        await EngineHarness.removeScratch(project)
    }

    /// The scratch project, run against the private engine.
    private var scratch: ScratchManifests {
        var scratch = ScratchManifests(project: project)
        scratch.environment["DOCKER_HOST"] = engine?.host ?? ""
        return scratch
    }

    func testAnEngineStoppedDuringApplyExits3NamingTheSocketAndTheNextApplyConverges() async throws {
        let engine = try XCTUnwrap(engine)
        let docker = try engine.client
        // A chain: each service waits for the one before it to be healthy, so the apply is
        // still running, in a wait or a create, when the engine stops.
        var documents = "---\napiVersion: sutactl/v1\nkind: Network\nmetadata: {name: net}\n"
        for index in 0..<6 {
            documents += ScratchManifests.service("s\(index)", """
                  command: ["8080"]
                  networks: [net]
                  healthcheck: {http: {port: 8080, path: /health}, interval: 300ms, timeout: 2s, retries: 3}
                  stop_grace_period: 1s
                \(index > 0 ? "  depends_on: {s\(index - 1): {condition: service_healthy}}" : "")
                """)
        }
        try scratch.write(documents)
        let apply = try BackgroundSutactl(["apply", "-f", "manifests"], environment: scratch.environment, in: scratch.directory, name: "apply")
        let underway = await BackgroundSutactl.eventually(60) {
            ((try? await EngineHarness.containers(of: project, on: docker).count) ?? 0) >= 2
        }
        XCTAssertTrue(underway, "two containers within 60s:\n\(apply.stdout)\(apply.stderr)")
        XCTAssertTrue(apply.process.isRunning, "the apply is still running when the engine stops:\n\(apply.stdout)")
        try engine.stopKeepingData()

        // Not the dependency wait's 300s timeout: the apply sees the engine gone and ends.
        let status = try await apply.exitStatus(within: 30)
        let output = "stdout:\n\(apply.stdout)\nstderr:\n\(apply.stderr)"
        XCTAssertEqual(status, 3, output)
        let socket = engine.directory.appendingPathComponent("docker.sock").path
        let errors = apply.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        XCTAssertEqual(errors.count, 1, output)
        XCTAssertTrue(errors.first?.hasPrefix("error: lost the Docker Engine during apply: cannot reach the Docker Engine at \(socket) (") == true,
                      output)
        XCTAssertTrue(errors.first?.hasSuffix("; then run the command again: it carries on where this one stopped") == true, output)

        try engine.startAgain()
        let again = try scratch.sutactl(["apply", "-f", "manifests", "--wait", "--timeout", "60s"])
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        let containers = try await EngineHarness.containers(of: project, on: docker)
        XCTAssertEqual(containers.map(\.name).sorted(), (0..<6).map { "\(project)-s\($0)-1" }, "no duplicate, nothing missing")
        XCTAssertTrue(containers.allSatisfy { $0.state == "running" }, "\(containers.map { "\($0.name) \($0.status)" })")
        let networks = try await docker.listNetworks(labelFilters: ["sutactl.project=\(project)"])
        XCTAssertEqual(networks.map(\.name), ["\(project)_net"])
        let noop = try scratch.sutactl(["apply", "-f", "manifests"])
        XCTAssertEqual(noop.stdout, "no changes: 6 services up to date\n", noop.stderr)
    }
}
