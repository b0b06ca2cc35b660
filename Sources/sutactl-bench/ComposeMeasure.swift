/// A figure of one round of the side-by-side benchmark against docker-compose (`--compose`).
enum ComposeMeasure: String, CaseIterable {
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
