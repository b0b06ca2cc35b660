import Foundation
import XCTest

/// `resources.reservations` on the real engine: a memory reservation is the container's
/// `HostConfig.MemoryReservation`; a changed one is a field line in `diff` that `apply`
/// carries out; one changed in the running container (`docker update`) is set back in place.
final class ReservationIntegrationTests: XCTestCase {
    private var app: ScratchManifests?

    override func setUp() async throws {
        app = ScratchManifests(project: try await EngineHarness.scratchProject("resv"))
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(app?.project ?? "")
    }

    private func cache(reserving memory: String) -> String {
        ScratchManifests.service("cache", """
          command: ["8080"]
          resources: {memory: 96M, reservations: {cpus: 0.25, memory: \(memory)}}
          stop_grace_period: 2s
        """)
    }

    private func reservation(_ id: String) async throws -> Int64? {
        try await EngineHarness.client.inspectContainer(id).hostConfig.memoryReservation
    }

    func testTheMemoryReservationIsAppliedDiffedAndRepaired() async throws {
        let app = try XCTUnwrap(app)
        try app.write(cache(reserving: "32M"))
        let created = try app.sutactl(["apply"])
        XCTAssertEqual(created.status, 0, created.stderr)
        let ids = try await EngineHarness.idsByService(app.project)
        let first = try XCTUnwrap(ids["cache"]?.first)
        let reserved = try await reservation(first)
        XCTAssertEqual(reserved, 32 << 20)
        XCTAssertEqual(try app.sutactl(["diff"]).status, 0, "converged")

        try app.write(cache(reserving: "48M"))
        let diff = try app.sutactl(["diff"])
        XCTAssertEqual(diff.status, 1, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("config changed: resources\n    ~ resources.reservations.memory 32M -> 48M\n"), diff.stdout)
        let changed = try app.sutactl(["apply"])
        XCTAssertEqual(changed.status, 0, changed.stderr)
        let recreated = try await EngineHarness.idsByService(app.project)
        let second = try XCTUnwrap(recreated["cache"]?.first)
        XCTAssertNotEqual(second, first, "recreated")
        let raised = try await reservation(second)
        XCTAssertEqual(raised, 48 << 20)

        // Someone lowers the reservation behind sutactl's back.
        try await EngineHarness.client.updateContainer(second, body: .init(memory: 96 << 20, memorySwap: 192 << 20, nanoCpus: 0, pidsLimit: 0,
                                                                           memoryReservation: 16 << 20, restartPolicy: .init(name: "no")))
        let drift = try app.sutactl(["diff"])
        XCTAssertTrue(drift.stdout.contains("    ~ resources.reservations.memory 16M -> 48M (changed in the container)\n"), drift.stdout)
        let repaired = try app.sutactl(["apply"])
        XCTAssertEqual(repaired.status, 0, repaired.stderr)
        let restored = try await reservation(second)
        XCTAssertEqual(restored, 48 << 20, "set back in place, the same container")
        XCTAssertEqual(try app.sutactl(["diff"]).status, 0)
    }
}
