import Foundation
import SutaController
import SutaModel
import SutaPlan
import SutaYAML
import XCTest

/// The engine going away in the middle of a plan: the step that meets it fails with the
/// engine's message at once (not after its wait times out), nothing further starts, and the
/// result says the engine was lost.
final class EngineLossTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
    private let message = "cannot reach the Docker Engine at /scripted/docker.sock (cannot connect: No such file or directory)"

    func testAWaitThatMeetsAMissingEngineFailsAtOnceAndNothingFurtherStarts() async {
        var db = ServiceSpec(name: "db", location: here, image: "img:1")
        db.healthcheck = HealthCheck(probe: .tcp(port: 1))
        var web = ServiceSpec(name: "web", location: here, image: "img:1")
        web.dependsOn = [Dependency(service: "db", condition: .healthy, required: true, location: here)]
        var worker = ServiceSpec(name: "worker", location: here, image: "img:1")
        worker.dependsOn = [Dependency(service: "web", condition: .started, required: true, location: here)]
        let engine = ScriptedEngine()
        await engine.becomeHealthy("db", afterPolls: 1_000_000)
        // db is created and started, then the engine is gone.
        await engine.goAway(afterCalls: 2, message: message)
        let desired = ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [db, web, worker], networks: [], volumes: [])
        let plan = Planner(config: desired).plan(ObservedState())
        let start = ContinuousClock.now
        let result = await PlanExecutor(engine: engine, config: desired, parallelism: 1, timeout: .seconds(30), pollInterval: .milliseconds(5))
            .execute(plan, observed: ObservedState()) { _ in }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(5), "not the wait's 30s timeout")
        func outcome(_ name: String) -> StepOutcome? { plan.steps.first { $0.action.service == name }.flatMap { result.outcomes[$0.id] } }
        XCTAssertEqual(outcome("db"), .succeeded)
        XCTAssertEqual(outcome("web"), .failed(message))
        XCTAssertEqual(outcome("worker"), PlanExecutor.engineGone)
        XCTAssertEqual(result.engineLost, message)
        let calls = await engine.calls
        XCTAssertEqual(calls, ["create db", "start db"])
    }

    func testStepsNotYetStartedWhenTheEngineIsLostAreNotStarted() async {
        let services = (0..<4).map { ServiceSpec(name: "s\($0)", location: here, image: "img:1") }
        let engine = ScriptedEngine()
        await engine.goAway(afterCalls: 2, message: message)
        let desired = ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: services, networks: [], volumes: [])
        let plan = Planner(config: desired).plan(ObservedState())
        let result = await PlanExecutor(engine: engine, config: desired, parallelism: 1).execute(plan, observed: ObservedState()) { _ in }
        // One slot: the first step to act succeeds, the next meets the engine's loss, the rest never start.
        let outcomes = plan.steps.compactMap { result.outcomes[$0.id] }
        XCTAssertEqual(outcomes.filter { $0 == .succeeded }.count, 1, "\(outcomes)")
        XCTAssertEqual(outcomes.filter { $0 == .failed(message) }.count, 1, "\(outcomes)")
        XCTAssertEqual(outcomes.filter { $0 == PlanExecutor.engineGone }.count, 2, "\(outcomes)")
        XCTAssertEqual(result.engineLost, message)
    }
}
