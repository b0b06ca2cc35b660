import Foundation
import SutaController
import SutaModel

/// sutactl against docker-compose 1.29 on the same generated N-service topology
/// (`BenchTopology`), on the local engine beside the demo: each round runs the raw-API floor,
/// then both tools, the order swapped each round. Per tool and round: cold up (until it
/// returns and until every container is healthy), a no-op second up, one service changed,
/// and a graceful down, each under a time limit, with the tool process's peak RSS.
struct SideBySideBench {
    let setup: SideBySideSetup
    let composePath: String
    let engine: DockerEngineDriver

    /// The result for the table.
    struct Result {
        var topology: BenchTopology
        var sutactl: SideBySideSamples<ComposeMeasure>
        var compose: SideBySideSamples<ComposeMeasure>
        var floor: SideBySideSamples<ComposeMeasure>
        var rollout: String
    }

    func run() async throws -> Result {
        var free = try await FreeResources(client: engine.client)
        let sutactlNet = try free.subnet(), composeNet = try free.subnet()
        let portCount = BenchTopology.publishedPortCount(setup.count)
        let ours = BenchTopology(count: setup.count, ports: free.ports(portCount), subnet: sutactlNet.subnet, gateway: sutactlNet.gateway)
        let theirs = BenchTopology(count: setup.count, ports: free.ports(portCount), subnet: composeNet.subnet, gateway: composeNet.gateway)
        let sutactlTool = ComparedTool(kind: .sutactl, project: "bench-sutactl-\(setup.count)",
                                       directory: setup.work.appendingPathComponent("sutactl-\(setup.count)"), executable: setup.sutactl.path)
        let composeTool = ComparedTool(kind: .compose, project: "bench-compose-\(setup.count)",
                                       directory: setup.work.appendingPathComponent("compose-\(setup.count)"), executable: composePath)
        let manifests = try TopologyManifestWriter.write(ours, project: sutactlTool.project, into: sutactlTool.directory)
        try ComposeFileWriter.write(theirs, into: composeTool.directory)
        let floorProject = "bench-floor-\(setup.count)"
        for label in [sutactlTool.label, composeTool.label, "sutactl.project=\(floorProject)"] {
            try await ProjectCleanup.remove(label: label, on: engine.client)
        }

        var result = Result(topology: ours, sutactl: SideBySideSamples(), compose: SideBySideSamples(), floor: SideBySideSamples(), rollout: "")
        for round in 0..<setup.rounds {
            setup.log(round: round, "raw API floor")
            try await measureFloor(manifests: manifests, project: floorProject, into: &result.floor)
            let order = round % 2 == 0 ? [sutactlTool, composeTool] : [composeTool, sutactlTool]
            for tool in order {
                if tool.kind == .sutactl {
                    await measure(tool, round: round, into: &result.sutactl)
                } else {
                    await measure(tool, round: round, into: &result.compose)
                }
            }
        }
        result.rollout = await RolloutBench(sutactl: setup.sutactl, engine: engine, directory: setup.work.appendingPathComponent("rollout"),
                                            environment: setup.environment(), free: &free).run()
        return result
    }

    /// One round of one tool: cold up (watched until all healthy), no-op, one change, down.
    private func measure(_ tool: ComparedTool, round: Int, into samples: inout SideBySideSamples<ComposeMeasure>) async {
        let seconds = setup.limit.components.seconds
        if setup.skips(&samples, round: round) { return }
        setup.log(round: round, tool.kind.rawValue)
        do {
            let cold = try ChildRun(tool.up, in: tool.directory, environment: setup.environment(), limit: setup.limit)
            let watch = AllHealthyTimer(client: engine.client, label: tool.label, count: setup.count)
            let healthy = await watch.untilHealthy(from: cold.start, limit: setup.limit, givingUp: { cold.failed })
            let coldOutcome = await cold.finish()
            guard let status = coldOutcome.status else {
                samples.note("round \(round + 1): cold up did not finish in \(seconds) s", givingUp: true)
                await cleanUp(tool)
                return
            }
            guard status == 0 else {
                samples.note("round \(round + 1): cold up failed (exit \(status)): \(coldOutcome.lastLine)")
                await cleanUp(tool)
                return
            }
            samples.record(.coldReturned, coldOutcome.seconds)
            samples.record(.coldHealthy, healthy)
            if healthy == nil { samples.note("round \(round + 1): not all \(setup.count) healthy within \(seconds) s") }
            var peakUp = coldOutcome.peakMegabytes ?? 0
            for (measure, change) in [(ComposeMeasure.noop, nil), (.change, String(round + 1))] {
                let environment = setup.environment(change.map { [BenchTopology.changeVariable: $0] } ?? [:])
                let outcome = try await ChildRun(tool.up, in: tool.directory, environment: environment, limit: setup.limit).finish()
                guard outcome.status == 0 else {
                    samples.note("round \(round + 1): \(measure.rawValue) " + (outcome.timedOut ? "did not finish in \(seconds) s"
                        : "failed (exit \(outcome.status ?? 0)): \(outcome.lastLine)"))
                    await cleanUp(tool)
                    return
                }
                samples.record(measure, outcome.seconds)
                peakUp = max(peakUp, outcome.peakMegabytes ?? 0)
            }
            samples.record(.peakUp, peakUp)
            let down = try await ChildRun(tool.down, in: tool.directory, environment: setup.environment(), limit: setup.limit).finish()
            guard down.status == 0 else {
                samples.note("round \(round + 1): down " + (down.timedOut ? "did not finish in \(seconds) s"
                    : "failed (exit \(down.status ?? 0)): \(down.lastLine)"))
                await cleanUp(tool)
                return
            }
            samples.record(.down, down.seconds)
            samples.record(.peakDown, down.peakMegabytes)
            samples.completeRound()
            try? await ProjectCleanup.remove(label: tool.label, on: engine.client)
        } catch {
            samples.note("round \(round + 1): could not run: \(error)")
            await cleanUp(tool)
        }
    }

    /// After a failed or timed-out phase: the tool's own down (bounded), then whatever is left.
    private func cleanUp(_ tool: ComparedTool) async {
        _ = try? await ChildRun(tool.down, in: tool.directory, environment: setup.environment(), limit: setup.limit).finish()
        try? await ProjectCleanup.remove(label: tool.label, on: engine.client)
    }

    /// The raw-API floor of the same services (sutactl's manifests as project `project`):
    /// create+start with 8 in flight until all healthy; then a lone create+start.
    private func measureFloor(manifests: URL, project: String, into samples: inout SideBySideSamples<ComposeMeasure>) async throws {
        let resolution = try ManifestLoader(paths: [manifests.path], profiles: [], environment: setup.environment(), projectName: project).load()
        guard let config = resolution.config else {
            throw BenchFailure(message: "generated manifests invalid: \(resolution.errors.first?.description ?? resolution.usageError ?? "?")")
        }
        let floor = EngineFloor(engine: engine, config: config)
        let label = "sutactl.project=\(project)"
        try await floor.prepare()
        let start = ContinuousClock.now
        async let total = floor.createAndStartAll()
        let healthy = await AllHealthyTimer(client: engine.client, label: label, count: setup.count).untilHealthy(from: start, limit: setup.limit)
        samples.record(.coldReturned, try await total.seconds)
        samples.record(.coldHealthy, healthy)
        samples.record(.loneCreateStart, try await floor.loneCreateAndStart())
        try await ProjectCleanup.remove(label: label, on: engine.client)
    }
}
