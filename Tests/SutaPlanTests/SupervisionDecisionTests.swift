import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// Supervision decided from literals: the first restart at once, then each after its
/// backoff (never a sleep: a wait is a time to look again), a hold past the limit.
final class SupervisionDecisionTests: XCTestCase {
    private var policy: SupervisionPolicy {
        var policy = SupervisionPolicy()
        policy.backoffBase = .seconds(1)
        policy.backoffCap = .seconds(4)
        policy.failureThreshold = 2
        policy.maxRestarts = 3
        policy.restartWindow = .seconds(600)
        return policy
    }

    private func container(_ state: ObservedContainer.State, health: ObservedContainer.Health = .none, streak: Int? = nil) -> ObservedContainer {
        var container = ObservedContainer(id: "c1", name: "p-agent-1", image: "img:1", labels: [:], state: state, health: health, created: 1, status: "")
        container.failingStreak = streak
        return container
    }

    private func decide(_ container: ObservedContainer, _ record: SupervisionRecord?, now: Double = 1000, checked: Bool = true) -> SupervisionDecision {
        SupervisionDecision.decide(container: container, healthChecked: checked, record: record, policy: policy, now: now)
    }

    func testAFailureIsRestartedAtOnceThenAfterEachBackoff() {
        XCTAssertEqual(decide(container(.exited), nil), .restart(attempt: 1))
        let once = SupervisionRecord(restarts: [999.5])
        XCTAssertEqual(decide(container(.exited), once), .wait(after: 1.5, attempt: 2), "backoff(2) = 2s after the last restart")
        XCTAssertEqual(decide(container(.exited), once, now: 1002), .restart(attempt: 2))
        let twice = SupervisionRecord(restarts: [990, 995])
        XCTAssertEqual(decide(container(.dead), twice), .restart(attempt: 3), "backoff(3) = 4s have passed")
    }

    func testUnhealthyCountsOnlyFromTheFailureThresholdAndHealthyNeverFails() {
        XCTAssertEqual(decide(container(.running, health: .unhealthy, streak: 1), nil), .none)
        XCTAssertEqual(decide(container(.running, health: .unhealthy, streak: 2), nil), .restart(attempt: 1))
        XCTAssertEqual(decide(container(.running, health: .healthy), nil), .none)
        XCTAssertEqual(decide(container(.running, health: .unhealthy, streak: 5), nil, checked: false), .none, "no check of its own: only exits count")
    }

    func testPastTheLimitItIsHeldAndStaysHeld() {
        let three = SupervisionRecord(restarts: [400, 700, 900])
        XCTAssertEqual(decide(container(.exited), three), .hold(reason: "3 restarts within 10m"))
        let old = SupervisionRecord(restarts: [100, 200, 900])
        XCTAssertEqual(decide(container(.exited), old), .restart(attempt: 2), "restarts outside the window do not count")
        let held = SupervisionRecord(restarts: [], crashLooping: true, lastReason: "3 restarts within 10m")
        XCTAssertEqual(decide(container(.running, health: .healthy), held), .hold(reason: "3 restarts within 10m"))
    }

    func testThePlanRestartsHoldsAndRequeuesWithoutSteppingOnOtherServices() {
        let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
        var agent = ServiceSpec(name: "agent", location: here, image: "img:1")
        agent.supervised = true
        var project = ProjectSpec(name: "p")
        project.supervision = policy
        let config = ResolvedConfig(project: project, profiles: [], services: [agent, ServiceSpec(name: "web", location: here, image: "img:1")],
                                    networks: [], volumes: [])
        let planner = Planner(config: config, options: PlanOptions(now: 1000))
        func observed(_ agentState: ObservedContainer.State, record: SupervisionRecord?) -> ObservedState {
            let containers = config.services.map { service in
                ObservedContainer(id: "id-\(service.name)", name: "p-\(service.name)-1", image: "img:1",
                                  labels: [OwnershipLabels.project: "p", OwnershipLabels.service: service.name, OwnershipLabels.replica: "1",
                                           OwnershipLabels.configFields: planner.fingerprint(of: service).fieldsLabel],
                                  state: service.name == "agent" ? agentState : .exited, health: .none, created: 1, status: "")
            }
            return ObservedState(containers: containers, supervision: record.map { ["agent": $0] } ?? [:])
        }
        XCTAssertEqual(planner.plan(observed(.exited, record: nil)).graphText, """
        [] -> #0 restart service agent (container p-agent-1 id-agent): supervision: container is exited, attempt 1
        [] -> #1 start service web (container p-web-1 id-web): exited

        """)
        let waiting = planner.plan(observed(.exited, record: SupervisionRecord(restarts: [999.5])))
        XCTAssertEqual(waiting.requeue, ["agent": 1.5])
        XCTAssertEqual(waiting.graphText, "[] -> #0 start service web (container p-web-1 id-web): exited\n", "web's repair does not wait for agent's backoff")
        let holding = planner.plan(observed(.exited, record: SupervisionRecord(restarts: [400, 700, 900])))
        XCTAssertEqual(holding.steps.first?.action, .holdService(service: "agent", reason: "3 restarts within 10m"))
        let held = planner.plan(observed(.exited, record: SupervisionRecord(restarts: [400, 700, 900], crashLooping: true, lastReason: "3 restarts within 10m")))
        XCTAssertEqual(held.held, ["agent": "3 restarts within 10m"])
        XCTAssertTrue(held.text.contains("held service agent: crash-looping (3 restarts within 10m); left as it is (its routes and registration too) until the manifests change"), held.text)
    }
}
