/// What the side-by-side benchmark measured of one tool (or of the raw-API floor) over its
/// rounds: each measure's values, one per round that got that far, and notes on the rounds
/// that did not.
struct SideBySideSamples {
    /// A figure of one round.
    enum Measure: String, CaseIterable {
        case coldReturned = "cold up: returns"
        case coldHealthy = "cold up: all healthy"
        case noop = "no-op (second up)"
        case change = "one service changed"
        case down = "down (graceful, volumes)"
        case peakUp = "peak RSS of up/apply (MB)"
        case peakDown = "peak RSS of down (MB)"
        /// The floor's lone create+start, the unit of `change`.
        case loneCreateStart = "lone create+start"
    }

    private(set) var values: [Measure: [Double]] = [:]
    private(set) var notes: [String] = []
    /// Set when a round ran out of time: later rounds skip the tool.
    private(set) var gaveUp = false
    /// Rounds that ran every phase.
    private(set) var completedRounds = 0

    mutating func record(_ measure: Measure, _ value: Double?) {
        if let value { values[measure, default: []].append(value) }
    }

    mutating func note(_ text: String, givingUp: Bool = false) {
        notes.append(text)
        if givingUp { gaveUp = true }
    }

    mutating func completeRound() { completedRounds += 1 }

    /// The median of a measure (the lower middle of an even count); nil when never measured.
    func median(_ measure: Measure) -> Double? {
        guard let sorted = values[measure]?.sorted(), !sorted.isEmpty else { return nil }
        return sorted[(sorted.count - 1) / 2]
    }

    /// The largest value of a measure.
    func maximum(_ measure: Measure) -> Double? { values[measure]?.max() }
}
