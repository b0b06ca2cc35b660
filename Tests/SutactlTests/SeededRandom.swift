/// A deterministic random number generator (SplitMix64): a fault test draws its moments from
/// it, prints the seed in its failure messages, and `SUTACTL_FAULT_SEED=N` replays them.
struct SeededRandom: RandomNumberGenerator {
    let seed: UInt64
    private var state: UInt64

    init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// The seed `SUTACTL_FAULT_SEED` names, else a fresh one.
    init(environment: [String: String]) {
        self.init(seed: environment["SUTACTL_FAULT_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
