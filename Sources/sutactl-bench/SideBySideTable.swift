import Foundation

/// Prints one side-by-side result: medians of sutactl, docker-compose and the raw-API floor,
/// the sutactl/compose ratios, and each target marked ok or MISSED; then the notes of rounds
/// that did not finish, and every round's values.
struct SideBySideTable {
    let result: SideBySideBench.Result
    let rounds: Int
    let limitSeconds: Int64

    func print() {
        let topology = result.topology
        let sutactl = result.sutactl, compose = result.compose, floor = result.floor
        Swift.print("")
        Swift.print("side by side at N=\(topology.services.count): \(topology.healthyEdgeCount) health-gated and \(topology.startedEdgeCount) start edges, "
                    + "\(topology.volumes.count) volumes, \(BenchTopology.publishedPortCount(topology.services.count)) published ports; "
                    + "rounds: \(rounds), order swapped each round; medians (s unless MB)")
        Swift.print("")
        Swift.print(pad("measure", 28) + pad("sutactl", 10) + pad("compose", 22) + pad("ratio", 8) + pad("API floor", 11) + "targets")
        for measure in ComposeMeasure.allCases where measure != .loneCreateStart {
            let ours = measure == .peakUp || measure == .peakDown ? sutactl.maximum(measure) : sutactl.median(measure)
            let theirs = measure == .peakUp || measure == .peakDown ? compose.maximum(measure) : compose.median(measure)
            let ratio = ours.flatMap { mine in theirs.map { mine / $0 } }
            Swift.print(pad(measure.rawValue, 28) + pad(ours.map(number) ?? notMeasured(sutactl), 10)
                        + pad(theirs.map(number) ?? notMeasured(compose), 22) + pad(TableCells.ratio(ours, theirs), 8)
                        + pad(floorCell(measure), 11) + targets(measure, ours: ours, ratio: ratio))
        }
        let completes = sutactl.completedRounds == rounds
        Swift.print(pad("rounds completed", 28) + pad("\(sutactl.completedRounds)/\(rounds)", 10) + pad("\(compose.completedRounds)/\(rounds)", 22)
                    + pad("", 19) + (topology.services.count >= 200 ? verdict(completes, "N=\(topology.services.count) completes") : ""))
        Swift.print(pad("rollout: apply to rolled-back service running", 49) + result.rollout)
        for (tool, samples) in [("sutactl", sutactl), ("compose", compose)] {
            for note in samples.notes { Swift.print("note: \(tool) \(note)") }
        }
        Swift.print("")
        Swift.print("per round (\(ComposeMeasure.allCases.filter { $0 != .loneCreateStart }.count) measures; floor: returns, all healthy, lone create+start)")
        for (tool, samples) in [("sutactl", sutactl), ("compose", compose), ("floor", floor)] {
            Swift.print("  \(pad(tool, 8)) " + samples.perRound)
        }
    }

    private func floorCell(_ measure: ComposeMeasure) -> String {
        switch measure {
        case .coldReturned, .coldHealthy: result.floor.median(measure).map(number) ?? ""
        case .change: result.floor.median(.loneCreateStart).map { "lone " + number($0) } ?? ""
        default: ""
        }
    }

    private func targets(_ measure: ComposeMeasure, ours: Double?, ratio: Double?) -> String {
        switch measure {
        case .coldHealthy:
            let floor = result.floor.median(.coldHealthy)
            return verdict(ratio.map { $0 <= 0.80 }, "<= 0.80x compose") + "; "
                + verdict(ours.flatMap { mine in floor.map { mine <= $0 * 1.10 } }, "<= 1.10x floor")
        case .noop:
            guard result.topology.services.count == 59 else { return "(<= 50 ms at N=59)" }
            return verdict(ours.map { $0 <= 0.050 }, "<= 50 ms")
        case .change:
            let lone = result.floor.median(.loneCreateStart)
            return verdict(ours.flatMap { mine in lone.map { mine <= $0 * 1.2 } }, "<= 1.2x lone create+start")
        case .down: return verdict(ratio.map { $0 <= 0.50 }, "<= 0.50x compose")
        case .peakUp: return verdict(ours.map { $0 < 20 }, "apply < 20 MB")
        default: return ""
        }
    }

    /// A target and ok, MISSED, or n/a when a figure is missing.
    private func verdict(_ met: Bool?, _ target: String) -> String {
        target + (met.map { $0 ? " ok" : " MISSED" } ?? " n/a")
    }

    private func notMeasured(_ samples: SideBySideSamples<ComposeMeasure>) -> String {
        samples.gaveUp ? "did not finish in \(limitSeconds) s" : "-"
    }

    private func number(_ value: Double) -> String { TableCells.number(value) }

    private func pad(_ text: String, _ width: Int) -> String { TableCells.pad(text, width) }
}
