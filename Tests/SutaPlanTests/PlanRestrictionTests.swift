import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// A plan restricted to one service (`rollout undo`): that service's steps and what they need
/// first, renumbered; every other service's steps left out.
final class PlanRestrictionTests: XCTestCase {
    let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    func testOnlyTheServiceAndWhatItNeedsFirstAreKept() {
        var web = ServiceSpec(name: "web", location: here, image: "img:1")
        web.networks = [NetworkAttachment(network: "front", aliases: [], ipv4Address: nil, location: here)]
        let db = ServiceSpec(name: "db", location: here, image: "img:1")
        let cache = ServiceSpec(name: "cache", location: here, image: "img:1")
        let config = ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [cache, db, web],
                                    networks: [NetworkSpec(name: "front", location: here)], volumes: [])
        let whole = Planner(config: config).plan(ObservedState())
        XCTAssertEqual(Set(whole.steps.compactMap(\.action.service)), ["cache", "db", "web"])

        let plan = whole.restricted(to: ["web"])
        XCTAssertEqual(plan.graphText, """
            [] -> #0 create network p_front: not found
            [0] -> #1 create service web (container p-web-1): not found

            """)
        XCTAssertEqual(whole.restricted(to: nil), whole, "nil keeps the whole plan")
        XCTAssertTrue(whole.restricted(to: ["gone"]).isEmpty)
    }
}
