/// The state of a ``CircuitBreaker``.
public enum BreakerState: String, Codable, Sendable, Equatable {
    /// Calls pass; their outcomes are recorded in the sliding window.
    case closed
    /// Calls are rejected at once until the open duration has passed.
    case open
    /// A few trial calls pass; their outcomes decide between closed and open again.
    case halfOpen = "half-open"
}
