import Foundation
import SutaClients

/// sutactl (engine mode swarm) against `docker stack deploy` on the benchmark's 3-node lab,
/// on the same generated N-service topology (`BenchTopology`, written by the same writers in
/// their swarm form), the order swapped each round. Per tool and round: a cold deploy (until
/// it returns and until every task runs healthy), a no-op second deploy (and whether it
/// replaced tasks), one service's environment changed (until its new task runs healthy), and
/// the removal (until it returns and until nothing of it is left on any node), each under a
/// time limit, with the tool process's peak RSS. Each tool publishes on host ports and uses
/// a subnet of its own, so a leftover of one never stands in the other's way.
struct SwarmBench {
    let setup: SideBySideSetup
    let docker: String
    let lab: BenchSwarmLab

    /// The result for the table.
    struct Result {
        var topology: BenchTopology
        var sutactl: SideBySideSamples<SwarmMeasure>
        var stack: SideBySideSamples<SwarmMeasure>
    }

    /// How long the no-op deploy is given to start replacing tasks before they are counted.
    private static let settle = Duration.seconds(2)

    func run() async throws -> Result {
        let portCount = BenchTopology.publishedPortCount(setup.count)
        let ours = BenchTopology(count: setup.count, ports: Array(31000..<31000 + portCount), subnet: "10.96.1.0/24", gateway: "10.96.1.1")
        let theirs = BenchTopology(count: setup.count, ports: Array(31000 + portCount..<31000 + 2 * portCount), subnet: "10.96.2.0/24",
                                   gateway: "10.96.2.1")
        let sutactlTool = ComparedTool(kind: .sutactl, project: "bench-sutactl-\(setup.count)",
                                       directory: setup.work.appendingPathComponent("sutactl-\(setup.count)"), executable: setup.sutactl.path)
        let stackTool = ComparedTool(kind: .stack, project: "bench-stack-\(setup.count)",
                                     directory: setup.work.appendingPathComponent("stack-\(setup.count)"), executable: docker)
        try TopologyManifestWriter.write(ours, project: sutactlTool.project, engine: .swarm, into: sutactlTool.directory)
        try ComposeFileWriter.write(theirs, engine: .swarm, into: stackTool.directory)

        var result = Result(topology: ours, sutactl: SideBySideSamples(), stack: SideBySideSamples())
        for round in 0..<setup.rounds {
            for tool in round % 2 == 0 ? [sutactlTool, stackTool] : [stackTool, sutactlTool] {
                if tool.kind == .sutactl {
                    await measure(tool, round: round, into: &result.sutactl)
                } else {
                    await measure(tool, round: round, into: &result.stack)
                }
            }
        }
        return result
    }

    /// The children's environment (`SideBySideSetup`) with the lab's manager, and `overrides`.
    private func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        setup.environment(overrides.merging(["DOCKER_HOST": lab.managerHost]) { $1 })
    }

    /// One round of one tool: cold deploy (watched until all run healthy), no-op, one change,
    /// removal (watched until gone); then whatever is left is removed, untimed.
    private func measure(_ tool: ComparedTool, round: Int, into samples: inout SideBySideSamples<SwarmMeasure>) async {
        if setup.skips(&samples, round: round) { return }
        setup.log(round: round, tool.kind.rawValue)
        let project: SwarmProject
        do {
            project = SwarmProject(nodes: try lab.clients(), label: tool.label, prefix: "\(tool.project)_", count: setup.count)
            try await project.removeLeftovers(limit: setup.limit)
        } catch {
            samples.note("round \(round + 1): could not start: \(error)")
            return
        }
        do {
            if try await phases(of: tool, on: project, round: round, into: &samples) { samples.completeRound() }
        } catch {
            samples.note("round \(round + 1): could not run: \(error)")
        }
        do {
            try await project.removeLeftovers(limit: setup.limit)
        } catch {
            samples.note("round \(round + 1): could not remove what was left: \(error)")
        }
    }

    /// The four phases; false (with a note) when one failed or ran out of time.
    private func phases(of tool: ComparedTool, on project: SwarmProject, round: Int,
                        into samples: inout SideBySideSamples<SwarmMeasure>) async throws -> Bool {
        let limit = setup.limit
        guard let cold = try await phase("deploy", tool.up, of: tool, round: round, returned: .deployReturned, watched: .deployRunning,
                                         into: &samples, watch: { await project.untilRunning(from: $0, limit: limit, givingUp: $1) })
        else { return false }

        let before = try await project.taskIDs()
        guard let noop = try await phase("no-op deploy", tool.up, of: tool, round: round, returned: .noop, watched: nil, into: &samples,
                                         watch: { _, _ in nil })
        else { return false }
        try? await Task.sleep(for: Self.settle)
        let replaced = try await project.taskIDs().subtracting(before).count
        samples.record(.noopReplaced, Double(replaced))
        if replaced > 0 {
            samples.record(.noopConverged, await project.untilRunning(from: noop.start, limit: limit, givingUp: { false }))
        }

        let change = String(round + 1), entry = "\(BenchTopology.changeVariable)=\(round + 1)"
        guard let changed = try await phase("one change", tool.up, of: tool, change: change, round: round, returned: .change,
                                            watched: .changeRunning, into: &samples,
                                            watch: { await project.untilRunning(withEnvironment: entry, from: $0, limit: limit, givingUp: $1) })
        else { return false }
        samples.record(.peakDeploy, [cold, noop, changed].compactMap(\.outcome.peakMegabytes).max())

        guard let removal = try await phase("removal", tool.down, of: tool, round: round, returned: .removeReturned, watched: .removeGone,
                                            into: &samples, watch: { await project.untilGone(from: $0, limit: limit, givingUp: $1) })
        else { return false }
        samples.record(.peakRemove, removal.outcome.peakMegabytes)
        return true
    }

    /// Runs one phase's `command` (with `BENCH_CHANGE` set to `change`) while `watch` waits,
    /// from the command's start, for its effect (given whether the command has failed), and
    /// records how long the command took (`returned`) and the wait (`watched`; a wait that did
    /// not end in time is noted). nil, noted, when the command failed or ran out of time.
    private func phase(_ name: String, _ command: [String], of tool: ComparedTool, change: String? = nil, round: Int,
                       returned: SwarmMeasure, watched: SwarmMeasure?, into samples: inout SideBySideSamples<SwarmMeasure>,
                       watch: (ContinuousClock.Instant, () -> Bool) async -> Double?) async throws
        -> (start: ContinuousClock.Instant, outcome: ChildRun.Outcome)? {
        let child = try ChildRun(command, in: tool.directory, environment: environment(change.map { [BenchTopology.changeVariable: $0] } ?? [:]),
                                 limit: setup.limit)
        let seconds = await watch(child.start, { child.failed })
        let outcome = await child.finish()
        guard succeeded(outcome, name, round: round, into: &samples) else { return nil }
        samples.record(returned, outcome.seconds)
        if let watched {
            samples.record(watched, seconds)
            if seconds == nil { samples.note("round \(round + 1): \(name): \(watched.rawValue) not within \(setup.limit.components.seconds) s") }
        }
        return (child.start, outcome)
    }

    /// Whether a phase's command exited 0; else a note (a timeout gives the tool up for later rounds).
    private func succeeded(_ outcome: ChildRun.Outcome, _ phase: String, round: Int, into samples: inout SideBySideSamples<SwarmMeasure>) -> Bool {
        guard let status = outcome.status else {
            samples.note("round \(round + 1): \(phase) did not finish in \(setup.limit.components.seconds) s", givingUp: true)
            return false
        }
        guard status == 0 else {
            samples.note("round \(round + 1): \(phase) failed (exit \(status)): \(outcome.lastLine)")
            return false
        }
        return true
    }
}
