import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// The swarm planner with literal desired and observed swarms: golden plans, no engine.
final class SwarmPlannerTests: XCTestCase {
    let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    func config(replicas: Int = 3, image: String = "img:1") -> ResolvedConfig {
        var web = ServiceSpec(name: "web", location: here, image: image)
        web.networks = [NetworkAttachment(network: "net", aliases: [], ipv4Address: nil, location: here)]
        web.replicas = replicas
        return ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [web],
                              networks: [NetworkSpec(name: "net", location: here)], volumes: [])
    }

    /// The swarm a successful apply of `config` leaves: each service as it was created
    /// (its settings label, replicas and image), and the network.
    func converged(_ config: ResolvedConfig) -> ObservedSwarm {
        let plan = SwarmPlanner(config: config).plan(ObservedSwarm(services: [], secrets: [], networks: []))
        let services = plan.steps.compactMap { step -> ObservedSwarm.Service? in
            guard case .swarm(.createService(let request)) = step.action else { return nil }
            return .init(id: "id-\(request.name)", name: request.name, labels: request.labels, updateState: nil,
                         replicas: request.service.replicas, image: request.service.image)
        }
        return ObservedSwarm(services: services, secrets: [],
                             networks: [ObservedObject(id: "n1", name: "p_net", labels: OwnershipLabels.forObject(project: "p"))])
    }

    func testColdPlanCreatesTheNetworkThenTheService() {
        let plan = SwarmPlanner(config: config()).plan(ObservedSwarm(services: [], secrets: [], networks: []))
        XCTAssertEqual(plan.graphText, """
        [] -> #0 create network p_net: not found
        [0] -> #1 create service web (swarm service p_web): not found

        """)
        XCTAssertEqual(plan.steps[1].changes.map(\.text), ["+ image img:1", "+ replicas 3"])
    }

    func testAConvergedSwarmNeedsNothing() {
        let plan = SwarmPlanner(config: config()).plan(converged(config()))
        XCTAssertTrue(plan.steps.isEmpty, plan.text)
        XCTAssertEqual(plan.unchanged, ["web"])
    }

    func testReplicasScaledByHandAreDriftPutBack() {
        var observed = converged(config())
        observed.services[0].replicas = 1
        let plan = SwarmPlanner(config: config()).plan(observed)
        XCTAssertEqual(plan.text, """
        update service web (swarm service p_web id-p_web): drift: changed outside sutactl
            ~ replicas 1 -> 3

        """)
    }

    func testAnImageChangedByHandIsDriftButItsDigestIsNot() {
        var observed = converged(config())
        observed.services[0].image = "img:1@sha256:0123"
        XCTAssertTrue(SwarmPlanner(config: config()).plan(observed).steps.isEmpty)
        observed.services[0].image = "img:2"
        XCTAssertEqual(SwarmPlanner(config: config()).plan(observed).steps.first?.changes.map(\.text), ["~ image img:2 -> img:1"])
    }

    func testAManifestChangeIsAConfigurationChange() {
        let plan = SwarmPlanner(config: config(replicas: 2)).plan(converged(config()))
        XCTAssertEqual(plan.text, """
        update service web (swarm service p_web id-p_web): configuration changed
            ~ replicas 3 -> 2

        """)
    }

    func testReservationsAreSettingsOfTheSwarmService() {
        var reserving = config()
        reserving.services[0].resources.reservations = ResourceReservations(cpus: 0.5, memoryBytes: 64 << 20)
        XCTAssertEqual(SwarmPlanner(config: reserving).plan(converged(config())).text, """
        update service web (swarm service p_web id-p_web): configuration changed
            + resources.reservations.memory 64M
            + resources.reservations.cpus 0.5

        """)
        XCTAssertTrue(SwarmPlanner(config: reserving).plan(converged(reserving)).steps.isEmpty)
    }

    func testAServiceOfAnotherProjectIsAConflict() {
        var observed = converged(config())
        observed.services[0].labels[OwnershipLabels.project] = "other"
        let plan = SwarmPlanner(config: config()).plan(observed)
        XCTAssertEqual(plan.conflicts.map(\.name), ["p_web"])
        XCTAssertTrue(plan.steps.isEmpty)
    }

    func testPruneRemovesWhatIsNoLongerDesired() {
        let empty = ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [], networks: [], volumes: [])
        let plan = SwarmPlanner(config: empty, options: PlanOptions(prune: true)).plan(converged(config()))
        XCTAssertEqual(plan.graphText, """
        [] -> #0 remove service web (swarm service p_web id-p_web): not desired
        [0] -> #1 remove network p_net: not desired

        """)
    }
}
