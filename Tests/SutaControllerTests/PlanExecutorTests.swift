import Foundation
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

/// Fail-fast on unhealthy dependencies, the port preflight of a recreate, and interruption.
final class PlanExecutorSafetyTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    private func config(_ services: [ServiceSpec]) -> ResolvedConfig {
        ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: services, networks: [], volumes: [])
    }

    func testAnUnhealthyDependencyFailsAtOnceWithItsLastHealthCheckOutput() async {
        var db = ServiceSpec(name: "db", location: here, image: "img:1")
        db.healthcheck = HealthCheck(probe: .tcp(port: 1))
        var web = ServiceSpec(name: "web", location: here, image: "img:1")
        web.dependsOn = [Dependency(service: "db", condition: .healthy, required: true, location: here)]
        let engine = ScriptedEngine()
        await engine.becomeUnhealthy("db", output: "nc: 127.0.0.1:1: Connection refused\n")
        let desired = config([db, web])
        let plan = Planner(config: desired).plan(ObservedState())
        let start = ContinuousClock.now
        let result = await PlanExecutor(engine: engine, config: desired, timeout: .seconds(60), pollInterval: .milliseconds(5))
            .execute(plan, observed: ObservedState()) { _ in }
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(30), "not the whole timeout")
        let step = plan.steps.first { $0.action.service == "web" }!
        XCTAssertEqual(result.outcomes[step.id],
                       .failed("dependency failed to start: container p-db-1 is unhealthy; last health check: nc: 127.0.0.1:1: Connection refused"))
    }

    func testARecreateWhosePortIsHeldLeavesTheRunningContainerAlone() async {
        var web = ServiceSpec(name: "web", location: here, image: "img:2")
        web.ports = [PortMapping(hostIP: "127.0.0.1", hostPort: 18081, containerPort: 80, transport: .tcp, location: here)]
        web.stopGracePeriod = .seconds(20)
        let running = ObservedContainer(id: "old-web", name: "p-web-1", image: "img:1",
                                        labels: ["sutactl.project": "p", "sutactl.service": "web", "sutactl.replica": "1",
                                                 "sutactl.config-fields": "image=00000000"],
                                        state: .running, health: .none, created: 1, status: "Up")
        let observed = ObservedState(containers: [running])
        let desired = config([web])
        let plan = Planner(config: desired).plan(observed)
        XCTAssertEqual(plan.steps.first?.freeHostPorts, [HostPort(hostIP: "127.0.0.1", port: 18081, transport: "tcp")])

        let held = ScriptedEngine()
        await held.hold(18081, by: "container other-web (0123456789ab)")
        let refused = await PlanExecutor(engine: held, config: desired).execute(plan, observed: observed) { _ in }
        XCTAssertEqual(refused.outcomes[0], .failed("rolled back service web: host port 127.0.0.1:18081/tcp is held by container other-web "
            + "(0123456789ab); p-web-1 was left running"))
        let untouched = await held.calls
        XCTAssertEqual(untouched, [], "the running container is neither stopped nor removed")

        let free = ScriptedEngine()
        let done = await PlanExecutor(engine: free, config: desired).execute(plan, observed: observed) { _ in }
        XCTAssertEqual(done.outcomes[0], .succeeded)
        let calls = await free.calls
        XCTAssertEqual(calls, ["stop old-web grace 20s", "rename old-web p-web-1-previous", "create web", "start web", "remove old-web grace 20s"],
                       "a fixed host port: the old one stops first, with the service's grace, and goes once the new one runs")
    }

    func testAWaitingStepReportsTheTimeWaitedSoFar() async {
        var db = ServiceSpec(name: "db", location: here, image: "img:1")
        db.healthcheck = HealthCheck(probe: .tcp(port: 1))
        var web = ServiceSpec(name: "web", location: here, image: "img:1")
        web.dependsOn = [Dependency(service: "db", condition: .healthy, required: true, location: here)]
        let engine = ScriptedEngine()
        await engine.becomeHealthy("db", afterPolls: 1_100)
        let desired = config([db, web])
        let plan = Planner(config: desired).plan(ObservedState())
        let waits = WaitLines()
        let result = await PlanExecutor(engine: engine, config: desired, timeout: .seconds(60), pollInterval: .milliseconds(5))
            .execute(plan, observed: ObservedState()) { event in
                if case .waiting(_, let what) = event { waits.append(what) }
            }
        XCTAssertTrue(result.succeeded)
        let lines = waits.lines
        XCTAssertEqual(lines.first, "db healthy")
        XCTAssertTrue(lines.dropFirst().contains { $0.hasPrefix("db healthy (5") && $0.hasSuffix(", now running, starting)") }, "\(lines)")
    }

    func testAnInterruptedRunStartsNothingNew() async {
        let engine = ScriptedEngine()
        let services = (0..<4).map { ServiceSpec(name: "s\($0)", location: here, image: "img:1") }
        let desired = config(services)
        let plan = Planner(config: desired).plan(ObservedState())
        let result = await PlanExecutor(engine: engine, config: desired, interrupted: { true }).execute(plan, observed: ObservedState()) { _ in }
        XCTAssertEqual(result.outcomes.count, 4)
        XCTAssertTrue(result.outcomes.values.allSatisfy { $0 == PlanExecutor.notStarted }, "\(result.outcomes)")
        let calls = await engine.calls
        XCTAssertEqual(calls, [])
    }
}

/// Collects the executor's waiting lines from its tasks.
private final class WaitLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}

/// A network the engine keeps because of a phantom endpoint does not fail the run.
final class PlanExecutorPhantomNetworkTests: XCTestCase {
    func testAPhantomEndpointIsAWarningNotAFailure() async {
        let config = ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [], networks: [], volumes: [])
        let observed = ObservedState(networks: [ObservedObject(id: "n1", name: "p_net", labels: OwnershipLabels.forObject(project: "p"))])
        let plan = Planner(config: config, options: PlanOptions(prune: true)).plan(observed)
        let engine = ScriptedEngine()
        await engine.keepPhantom(network: "n1")
        let result = await PlanExecutor(engine: engine, config: config).execute(plan, observed: observed) { _ in }
        XCTAssertTrue(result.succeeded)
        XCTAssertEqual(result.warnings, [PhantomNetworkEndpoint(network: "n1").description])
    }
}
