import Foundation
import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// A memory reservation in container mode: a manifest change recreates with a field line, a
/// change in the running container is set back in place, and containers (and applied records)
/// from before reservations existed change nothing. A CPU reservation does nothing to a container.
final class PlannerReservationTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
    private let names = ResourceNames(project: "p")

    private func cache(reserving memory: Int64? = nil) -> ServiceSpec {
        var spec = ServiceSpec(name: "cache", location: here, image: "img:1")
        spec.resources = ResourceLimits(memoryBytes: 64 << 20, reservations: ResourceReservations(memoryBytes: memory))
        return spec
    }

    private func config(_ spec: ServiceSpec) -> ResolvedConfig {
        ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [spec], networks: [], volumes: [])
    }

    /// `spec` as applied: its container running with the limits it asked for, its settings recorded.
    private func running(_ spec: ServiceSpec, applied: ServiceSettings? = nil) -> ObservedState {
        let fingerprint = Planner(config: config(spec)).fingerprint(of: spec)
        var container = ObservedContainer(id: "c1" + String(repeating: "0", count: 20), name: "p-cache-1", image: spec.image,
                                          labels: [OwnershipLabels.project: "p", OwnershipLabels.service: "cache", OwnershipLabels.replica: "1",
                                                   OwnershipLabels.configFields: fingerprint.fieldsLabel],
                                          state: .running, health: .none, created: 1, status: "Up")
        container.live = LiveResources(service: spec, hostCPUs: .infinity)
        return ObservedState(containers: [container], applied: ["cache": applied ?? ServiceSettings(service: spec, names: names)])
    }

    func testAChangedMemoryReservationRecreatesAndShowsTheField() {
        XCTAssertEqual(Planner(config: config(cache(reserving: 32 << 20))).plan(running(cache())).text, """
        recreate service cache (container p-cache-1 c10000000000): config changed: resources
            + resources.reservations.memory 32M

        """)
        XCTAssertEqual(Planner(config: config(cache(reserving: 48 << 20))).plan(running(cache(reserving: 32 << 20))).text, """
        recreate service cache (container p-cache-1 c10000000000): config changed: resources
            ~ resources.reservations.memory 32M -> 48M

        """)
    }

    func testAContainerAndARecordFromBeforeReservationsChangeNothing() throws {
        // applied.json as a sutactl without reservations wrote it.
        let record = try JSONDecoder().decode(ServiceSettings.self, from: Data("""
        {"fields": [{"path": "image", "value": "img:1", "secret": false}, {"path": "resources.memory", "value": "64M", "secret": false},
                    {"path": "restart", "value": "no", "secret": false}]}
        """.utf8))
        XCTAssertEqual(record, ServiceSettings(service: cache(), names: names))
        XCTAssertTrue(Planner(config: config(cache())).plan(running(cache(), applied: record)).isEmpty)
    }

    func testACPUReservationDoesNothingToAContainer() {
        var reserving = cache()
        reserving.resources.reservations.cpus = 0.5
        XCTAssertTrue(Planner(config: config(reserving)).plan(running(cache())).isEmpty)
    }

    func testAReservationChangedInTheContainerIsSetBackInPlace() throws {
        let spec = cache(reserving: 32 << 20)
        var observed = running(spec)
        observed.containers[0].live?.memoryReservationBytes = 16 << 20
        let plan = Planner(config: config(spec)).plan(observed)
        XCTAssertEqual(plan.text, """
        update service cache (container p-cache-1 c10000000000): changed in the container: resources.reservations.memory
            ~ resources.reservations.memory 16M -> 32M (changed in the container)

        """)
        guard case .updateContainer(_, _, _, let resources) = try XCTUnwrap(plan.steps.first).action else { return XCTFail(plan.text) }
        XCTAssertEqual(resources.memoryReservationBytes, 32 << 20)

        // One the manifests do not ask for cannot be lifted by an update: the container is made anew.
        var unasked = running(cache())
        unasked.containers[0].live?.memoryReservationBytes = 16 << 20
        XCTAssertEqual(Planner(config: config(cache())).plan(unasked).steps.map(\.action.verb), ["recreate"])
    }
}
