/// How one call through a ``CircuitBreaker`` ended, as its window records it.
public enum BreakerCallOutcome: String, Codable, Sendable, Equatable {
    /// The dependency answered (errors that do not count as failures included).
    case success
    /// The call failed in a way that counts against the dependency.
    case failure
}
