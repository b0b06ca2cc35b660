/// The JSON file in which a ``CircuitBreakerRegistry`` keeps its breakers between runs:
/// `{"version":1,"breakers":[…snapshots…]}`.
struct BreakerStateFile: Codable {
    /// The format this code writes and reads.
    static let currentVersion = 1

    var version: Int
    var breakers: [BreakerSnapshot]
}
