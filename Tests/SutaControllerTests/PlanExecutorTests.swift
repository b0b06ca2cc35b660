import SutaController
import SutaModel
import SutaPlan
import SutaYAML
import XCTest

final class PlanExecutorTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    private func service(_ name: String, dependsOn: [(String, Dependency.Condition)] = [], healthy: Bool = false) -> ServiceSpec {
        var spec = ServiceSpec(name: name, location: here, image: "img:1")
        spec.dependsOn = dependsOn.map { Dependency(service: $0.0, condition: $0.1, required: true, location: here) }
        if healthy { spec.healthcheck = HealthCheck(probe: .tcp(port: 1)) }
        return spec
    }

    private func run(_ services: [ServiceSpec], engine: ScriptedEngine, parallelism: Int = 8,
                     timeout: Duration = .seconds(5)) async -> (Plan, ExecutionResult) {
        let config = ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: services, networks: [], volumes: [])
        let plan = Planner(config: config).plan(ObservedState())
        let executor = PlanExecutor(engine: engine, config: config, parallelism: parallelism, timeout: timeout,
                                    pollInterval: .milliseconds(5))
        return (plan, await executor.execute(plan, observed: ObservedState()) { _ in })
    }

    func testDependentStartsOnlyAfterItsDependencyIsHealthy() async {
        let engine = ScriptedEngine()
        await engine.becomeHealthy("db", afterPolls: 3)
        let (_, result) = await run([service("db", healthy: true), service("web", dependsOn: [("db", .healthy)])], engine: engine)
        XCTAssertTrue(result.succeeded)
        let calls = await engine.calls
        XCTAssertEqual(calls, ["create db", "start db", "create web", "start web"])
    }

    func testFailureSkipsDependentsAndCarriesOnElsewhere() async {
        let engine = ScriptedEngine()
        await engine.failCreate(of: "db")
        let (plan, result) = await run([service("db"), service("web", dependsOn: [("db", .started)]), service("cache")], engine: engine)
        func outcome(_ name: String) -> StepOutcome? {
            plan.steps.first { $0.action.service == name }.flatMap { result.outcomes[$0.id] }
        }
        XCTAssertEqual(outcome("db"), .failed("create p-db-1 failed: boom"))
        XCTAssertEqual(outcome("web"), .skipped("skipped: service db did not succeed"))
        XCTAssertEqual(outcome("cache"), .succeeded)
        let calls = await engine.calls
        XCTAssertFalse(calls.contains("create web"))
        XCTAssertTrue(calls.contains("start cache"))
    }

    func testDependencyThatExitsFailsTheDependentWithTheExitCode() async {
        let engine = ScriptedEngine()
        await engine.exit("db", code: 3)
        let (plan, result) = await run([service("db", healthy: true), service("web", dependsOn: [("db", .healthy)])], engine: engine)
        let web = plan.steps.first { $0.action.service == "web" }!
        XCTAssertEqual(result.outcomes[web.id], .failed("db is exited (exit code 3)"))
    }

    func testWaitingTimesOutWithTheLastStateSeen() async {
        let engine = ScriptedEngine()
        await engine.becomeHealthy("db", afterPolls: 1_000_000)
        let (plan, result) = await run([service("db", healthy: true), service("web", dependsOn: [("db", .healthy)])], engine: engine,
                                       timeout: .milliseconds(100))
        let web = plan.steps.first { $0.action.service == "web" }!
        XCTAssertEqual(result.outcomes[web.id], .failed("timed out after 100ms waiting for db to be healthy (last: running, starting)"))
    }

    func testParallelismIsBounded() async {
        let engine = ScriptedEngine()
        let services = (0..<12).map { service("s\($0)") }
        let (_, result) = await run(services, engine: engine, parallelism: 3)
        XCTAssertTrue(result.succeeded)
        let peak = await engine.maxConcurrentCreates
        XCTAssertEqual(peak, 3)
        XCTAssertEqual(result.containers.count, 12)
    }
}
