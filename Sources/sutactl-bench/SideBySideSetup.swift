import Foundation

/// What both side-by-side benchmarks (`SideBySideBench`, `SwarmBench`) share: the topology's
/// size, the rounds, the limit on each command, the sutactl under test, where the generated
/// files and sutactl's state go, the children's environment and the progress lines.
struct SideBySideSetup {
    let count: Int
    let rounds: Int
    let limit: Duration
    let sutactl: URL
    let work: URL
    /// The benchmark's name in its progress lines (`bench-compose`).
    let name: String

    /// The children's environment: the bench's own, a private sutactl state directory and no
    /// leftover change, then `overrides`.
    func environment(_ overrides: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SUTACTL_STATE_DIR"] = work.appendingPathComponent("state").path
        environment[BenchTopology.changeVariable] = nil
        return environment.merging(overrides) { $1 }
    }

    /// One progress line on standard error: `bench-compose: N=59 round 1/3: sutactl`.
    func log(round: Int, _ text: String) {
        FileHandle.standardError.write(Data("\(name): N=\(count) round \(round + 1)/\(rounds): \(text)\n".utf8))
    }

    /// Whether `samples`' tool sits this round out (an earlier round ran out of time); noted so.
    func skips<Measure>(_ samples: inout SideBySideSamples<Measure>, round: Int) -> Bool {
        guard samples.gaveUp else { return false }
        samples.note("round \(round + 1): skipped (an earlier round did not finish)")
        return true
    }
}
