/// Prints one result of the swarm benchmark: medians of sutactl and `docker stack deploy`
/// (the largest value for peaks and counts), the sutactl/stack ratios, the notes of rounds
/// that did not finish, what each measure means, and every round's values.
struct SwarmTable {
    let result: SwarmBench.Result
    let rounds: Int
    let limitSeconds: Int64
    /// The docker CLI's version and the lab's engine version, for the header.
    let cliVersion: String
    let engineVersion: String

    func print() {
        let topology = result.topology, count = topology.services.count
        let sutactl = result.sutactl, stack = result.stack
        Swift.print("")
        Swift.print("swarm side by side at N=\(count) on the \(BenchSwarmLab.nodeCount)-node lab (1 manager, \(BenchSwarmLab.nodeCount - 1) workers, "
                    + "one machine, engine \(engineVersion)): sutactl in engine mode swarm against docker stack deploy "
                    + "(docker CLI \(cliVersion), --resolve-image never); \(BenchTopology.publishedPortCount(count)) host-mode ports, "
                    + "\(topology.volumes.count) volumes, one overlay network (dnsrr), \(topology.healthyEdgeCount) health-gated and "
                    + "\(topology.startedEdgeCount) start edges; rounds: \(rounds), order swapped each round; medians (s unless MB or a count)")
        Swift.print("")
        Swift.print(pad("measure", 32) + pad("sutactl", 16) + pad("stack deploy", 16) + "ratio")
        for measure in SwarmMeasure.allCases {
            let largest = [.peakDeploy, .peakRemove, .noopReplaced].contains(measure)
            let ours = largest ? sutactl.maximum(measure) : sutactl.median(measure)
            let theirs = largest ? stack.maximum(measure) : stack.median(measure)
            Swift.print(pad(measure.rawValue, 32) + pad(cell(ours, sutactl, measure), 16) + pad(cell(theirs, stack, measure), 16)
                        + (measure == .noopReplaced ? "" : TableCells.ratio(ours, theirs)))
        }
        Swift.print(pad("rounds completed", 32) + pad("\(sutactl.completedRounds)/\(rounds)", 16) + "\(stack.completedRounds)/\(rounds)")
        for (tool, samples) in [("sutactl", sutactl), ("stack", stack)] {
            for note in samples.notes { Swift.print("note: \(tool) \(note)") }
        }
        Swift.print("")
        Swift.print("""
        - stack deploy ignores depends_on (the file keeps it) and returns once the specs are sent; sutactl creates in
          depends_on order and returns once each created or changed service's tasks run (docs/swarm.md).
        - running+healthy: the manager's /tasks for the project's label: every service has a task and every task meant
          to run is `running` (a task with a health check is marked running only once its container is healthy);
          polled every 200 ms, as is the removal's end.
        - removal: `sutactl down --volumes` against `docker stack rm`; all gone: no service, task or network of the
          project on the manager and no container on any node. Neither removes the nodes' volumes on a swarm (the
          benchmark does after each round, untimed).
        - ratio: sutactl / stack deploy (below 1: sutactl took less). Each command limited to \(limitSeconds) s.
        """)
        Swift.print("")
        Swift.print("per round")
        for (tool, samples) in [("sutactl", sutactl), ("stack", stack)] {
            Swift.print("  \(pad(tool, 8)) " + samples.perRound)
        }
    }

    /// A median or largest value; for the no-op's replaced tasks, `none replaced` when no
    /// round replaced any; else why there is no figure.
    private func cell(_ value: Double?, _ samples: SideBySideSamples<SwarmMeasure>, _ measure: SwarmMeasure) -> String {
        if let value { return measure == .noopReplaced ? String(Int(value)) : TableCells.number(value) }
        if measure == .noopConverged && samples.values[.noopReplaced] != nil { return "none replaced" }
        return samples.gaveUp ? "did not finish in \(limitSeconds) s" : "-"
    }

    private func pad(_ text: String, _ width: Int) -> String { TableCells.pad(text, width) }
}
