/// What a side-by-side benchmark measured of one tool (or of the raw-API floor) over its
/// rounds: each measure's values, one per round that got that far, and notes on the rounds
/// that did not. `Measure` is the benchmark's set of figures (`ComposeMeasure`, `SwarmMeasure`).
struct SideBySideSamples<Measure: Hashable & CaseIterable & RawRepresentable<String>> {
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

    /// Every round's values of each measure that has any, for the tables' last lines:
    /// `cold up: returns 1.2/1.3/1.1; ...`.
    var perRound: String {
        Measure.allCases.compactMap { measure -> String? in
            guard let values = values[measure] else { return nil }
            return "\(measure.rawValue) " + values.map(TableCells.number).joined(separator: "/")
        }.joined(separator: "; ")
    }
}
