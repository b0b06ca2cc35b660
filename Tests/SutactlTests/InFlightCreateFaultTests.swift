import SutaErrors
import Foundation
import SutaClients
import SutaController
import SutaPlan
import XCTest

/// A create still in flight in the engine when sutactl was killed: the next apply's snapshot
/// does not list the container, and its own create finds the name taken. The driver replaces
/// such a leftover (this project, service and replica, never started), which may lack the
/// networks the killed sutactl had still to connect, and leaves anything else alone.
final class InFlightCreateFaultTests: XCTestCase {
    private var project = ""
    private var scratch: ScratchManifests { ScratchManifests(project: project) }
    private var webName: String { "\(project)-web-1" }

    override func setUp() async throws {
        project = try await EngineHarness.scratchProject("inflight")
        try scratch.write("""
            ---
            apiVersion: sutactl/v1
            kind: Network
            metadata: {name: net}
            ---
            apiVersion: sutactl/v1
            kind: Network
            metadata: {name: extra}
            """ + "\n" + ScratchManifests.service("web", "  command: [\"8080\"]\n  networks: [net, extra]\n  stop_grace_period: 1s"))
        // The networks (and a first container, removed again) as an earlier apply made them.
        let applied = try scratch.sutactl(["apply", "-f", "manifests"])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        for container in try await EngineHarness.containers(of: project) {
            try await EngineHarness.client.removeContainer(container.id, force: true)
        }
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(project)
    }

    /// The request apply would send for web's first replica.
    private func request() throws -> ContainerRequest {
        let target = try ManifestTarget.load(paths: [scratch.directory.appendingPathComponent("manifests").path], profiles: [],
                                             environment: [:], state: StateDirectory(environment: scratch.environment))
        let config = try target.config()
        let planner = Planner(config: config)
        let service = try XCTUnwrap(config.services.first)
        return ContainerRequest(name: webName, service: service, replica: 1, names: planner.names, fingerprint: planner.fingerprint(of: service))
    }

    /// A container named like web's, created behind sutactl's back, with `labels`.
    private func holder(labels: [String: String], start: Bool = false) async throws -> String {
        let id = try await EngineHarness.client.createContainer(
            name: webName, body: ContainerCreateBody(image: "sutactl-standin:1", cmd: ["8080"], labels: labels)).id
        if start { try await EngineHarness.client.startContainer(id) }
        return id
    }

    func testALeftoverOfAKilledCreateIsReplacedByAWholeContainer() async throws {
        let leftover = try await holder(labels: ["sutactl.project": project, "sutactl.service": "web", "sutactl.replica": "1"])
        let id = try await DockerEngineDriver(client: EngineHarness.client).createContainer(try request())
        XCTAssertNotEqual(id, leftover)
        let containers = try await EngineHarness.containers(of: project)
        XCTAssertEqual(containers.map(\.id), [id], "the leftover is gone, the new container is the only one")
        XCTAssertEqual(Set(containers.first?.networks.keys.map { $0 } ?? []), ["\(project)_net", "\(project)_extra"])
        XCTAssertEqual(containers.first?.labels["sutactl.config-hash"], try request().labels["sutactl.config-hash"])
    }

    func testAForeignOrRunningHolderOfTheNameIsAConflictAndLeftAlone() async throws {
        let driver = DockerEngineDriver(client: EngineHarness.client)
        for (labels, start) in [(["owner": "someone-else"], false),
                                (["sutactl.project": project, "sutactl.service": "web", "sutactl.replica": "1"], true)] {
            let other = try await holder(labels: labels, start: start)
            do {
                _ = try await driver.createContainer(try request())
                XCTFail("\(labels): created over it")
            } catch let error as SutaError {
                XCTAssertEqual(error.code, .conflict)
                XCTAssertTrue(error.message.contains("The container name \"/\(webName)\" is already in use by container \"\(other)\""), error.message)
            }
            let inspect = try await EngineHarness.client.inspectContainer(other)
            XCTAssertEqual(inspect.state.status, start ? "running" : "created", "left as it was")
            try await EngineHarness.client.removeContainer(other, force: true)
        }
    }
}
