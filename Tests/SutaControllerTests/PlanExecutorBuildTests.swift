import Foundation
import SutaController
import SutaModel
import SutaPlan
import SutaTestSupport
import SutaYAML
import XCTest

/// The executor carries out build steps: the build's output reaches the progress report, the
/// image is labelled with the planned hash and the project, and a failed build skips the
/// containers that wait for it.
final class PlanExecutorBuildTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    private func run(failing: Bool) async -> (ScriptedEngine, Plan, ExecutionResult, [String]) {
        var web = ServiceSpec(name: "web", location: here, image: "p-web")
        web.build = BuildSpec(context: "/src", labels: ["team": "core"], location: here, contextDigest: "d1")
        let config = ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [web], networks: [], volumes: [])
        let engine = ScriptedEngine()
        if failing { await engine.failCreate(of: "web") }
        let plan = Planner(config: config).plan(ObservedState())
        let output = SharedValue<[String]>([])
        let result = await PlanExecutor(engine: engine, config: config).execute(plan, observed: ObservedState()) { event in
            if case .output(let step, let line) = event { output.withLock { $0.append("\(step.action.verb): \(line)") } }
        }
        return (engine, plan, result, output.value)
    }

    func testBuildOutputIsReportedAndTheImageLabelled() async {
        let (engine, plan, result, output) = await run(failing: false)
        XCTAssertTrue(result.succeeded)
        let calls = await engine.calls
        XCTAssertEqual(calls, ["build p-web", "create web", "start web"])
        XCTAssertEqual(output, ["build: Step 1/1 : FROM img:1"])
        let labels = await engine.builtLabels["p-web"]
        guard case .buildImage(_, _, let hash) = plan.steps[0].action else { return XCTFail(plan.text) }
        XCTAssertEqual(labels, ["team": "core", "sutactl.build-hash": hash, "sutactl.project": "p", "sutactl.managed-by": "sutactl"])
    }

    func testAFailedBuildSkipsItsContainers() async {
        let (engine, _, result, _) = await run(failing: true)
        XCTAssertEqual(result.outcomes[0], .failed("build of service web failed at step 1/1: boom"))
        XCTAssertEqual(result.outcomes[1], .skipped("skipped: service web did not succeed"))
        let calls = await engine.calls
        XCTAssertEqual(calls, ["build p-web"])
    }
}
