import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// What a sutactl killed mid-apply can leave for the next plan: a container created but not
/// yet connected to all of its networks.
extension PlannerTests {
    func testAContainerMissingOneOfItsNetworksIsRecreated() {
        var web = service("web")
        web.networks.append(NetworkAttachment(network: "extra", aliases: [], ipv4Address: nil, location: here))
        var desired = config([web, service("api")])
        desired.networks.append(NetworkSpec(name: "extra", location: here))
        var observed = converged(desired, state: .created)
        observed.networks.append(ObservedObject(id: "n2", name: "p_extra", labels: OwnershipLabels.forObject(project: "p")))
        observed.containers[0].networks = ["p_net"]
        observed.containers[1].networks = ["p_net"]
        XCTAssertEqual(Planner(config: desired).plan(observed).text, """
        start service api (container p-api-1 id-api-10000): created
        recreate service web (container p-web-1 id-web-10000): not attached to network extra

        """)

        observed.containers[0].networks = ["p_net", "p_extra"]
        XCTAssertEqual(Planner(config: desired).plan(observed).steps.map(\.cause), ["created", "created"], "attached: only started")
        observed.containers[0].networks = nil
        XCTAssertEqual(Planner(config: desired).plan(observed).steps.map(\.cause), ["created", "created"], "not observed: no guess")
    }
}
