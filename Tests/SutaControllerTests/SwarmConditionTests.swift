import Foundation
import XCTest
@testable import SutaController
@testable import SutaClients
import SutaModel

/// A swarm service against a depends_on condition, from the manager's JSON: what each state
/// of its tasks means for a dependent waiting on it.
final class SwarmConditionTests: XCTestCase {
    func service(replicas: Int = 2, label: String = "v2", update: String? = nil) throws -> SwarmService {
        let status = update.map { #","UpdateStatus":{"State":"\#($0)","Message":"update rolled back"}"# } ?? ""
        return try JSONDecoder().decode(SwarmService.self, from: Data("""
        {"ID":"s1","Version":{"Index":3},"Spec":{"Name":"p_db","Labels":{"sutactl.settings":"\(label)"},
         "TaskTemplate":{"ContainerSpec":{"Image":"db:1"}},"Mode":{"Replicated":{"Replicas":\(replicas)}}}\(status)}
        """.utf8))
    }

    func task(_ state: String, image: String = "db:1") throws -> SwarmTask {
        try JSONDecoder().decode(SwarmTask.self, from: Data("""
        {"ID":"t-\(state)","ServiceID":"s1","NodeID":"n1","DesiredState":"running","Status":{"State":"\(state)","Message":"\(state)"},
         "Spec":{"ContainerSpec":{"Image":"\(image)"}}}
        """.utf8))
    }

    func state(_ tasks: [SwarmTask], service: SwarmService? = nil) throws -> SwarmServiceState {
        SwarmServiceState(service: "db", found: try service ?? self.service(), tasks: tasks, nodes: [])
    }

    func testHealthyNeedsEveryDesiredTaskRunningTheCurrentSpec() throws {
        XCTAssertEqual(try state([task("running"), task("running")]).condition(.healthy, sentLabel: "v2"), .met)
        XCTAssertEqual(try state([task("running"), task("starting")]).condition(.healthy, sentLabel: "v2"),
                       .notYet("1/2 tasks run the current spec (last: starting, starting)"))
        // A task of the spec before the update does not count.
        XCTAssertEqual(try state([task("running"), task("running", image: "db:0")]).condition(.healthy, sentLabel: "v2"),
                       .notYet("1/2 tasks run the current spec (last: running, running)"))
    }

    func testStartedIsMetByStartingTasks() throws {
        XCTAssertEqual(try state([task("starting"), task("running")]).condition(.started, sentLabel: nil), .met)
        XCTAssertEqual(try state([task("preparing"), task("running")]).condition(.started, sentLabel: nil),
                       .notYet("1/2 tasks started (last: running, running)"))
    }

    func testCompletedIsMetByACompletedTaskAndNeverByAFailedOne() throws {
        XCTAssertEqual(try state([task("complete")]).condition(.completed, sentLabel: nil), .met)
        XCTAssertEqual(try state([task("failed")]).condition(.completed, sentLabel: nil), .never("its task failed: failed"))
        XCTAssertEqual(try state([task("running")]).condition(.completed, sentLabel: nil), .notYet("no task has completed yet (last: running, running)"))
    }

    func testARolledBackUpdateNeverMeetsTheConditionTheOldSettingsDo() throws {
        // The apply sent v3; the swarm rolled back to v2's settings.
        let rolledBack = try service(label: "v2", update: "rollback_completed")
        XCTAssertEqual(try state([task("running"), task("running")], service: rolledBack).condition(.healthy, sentLabel: "v3"),
                       .never("rolled back: update rolled back"))
        // Not rolled back yet: the update has not reached the tasks.
        XCTAssertEqual(try state([task("running"), task("running")]).condition(.healthy, sentLabel: "v3"),
                       .notYet("its update has not started (last: running, running)"))
        XCTAssertEqual(try state([task("running"), task("running")], service: try service(update: "paused")).condition(.healthy, sentLabel: "v2"),
                       .never("update paused: update rolled back"))
    }
}
