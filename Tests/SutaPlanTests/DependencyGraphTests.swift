import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// Live colours of the dependency graph, from one look at the engine.
final class DependencyGraphTests: XCTestCase {
    func testEachServiceIsColouredByWhatItsContainersShow() {
        let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
        let names = ["healthy", "plain", "booting", "down", "gone"]
        let config = ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [],
                                    services: names.map { ServiceSpec(name: $0, location: here, image: "img:1") }, networks: [], volumes: [])
        func container(_ service: String, _ state: ObservedContainer.State, _ health: ObservedContainer.Health) -> ObservedContainer {
            ObservedContainer(id: service, name: "p-\(service)-1", image: "img:1", labels: ["sutactl.project": "p", "sutactl.service": service],
                              state: state, health: health, created: 1, status: "")
        }
        let observed = ObservedState(containers: [container("healthy", .running, .healthy), container("plain", .running, .none),
                                                  container("booting", .running, .starting), container("down", .exited, .none)])
        let live = DependencyGraph.live(observed, config: config)
        XCTAssertEqual(live, ["healthy": .healthy, "plain": .running, "booting": .starting, "down": .failing, "gone": .missing])
        let dot = DependencyGraph(config: config, live: live).dot
        XCTAssertTrue(dot.contains("\"down\" [label=\"down\", fillcolor=\"#c62828\", fontcolor=\"white\", tooltip=\"failing\"];"), dot)
    }
}
