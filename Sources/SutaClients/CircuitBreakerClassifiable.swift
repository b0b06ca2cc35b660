/// An error that knows whether it means its dependency is in trouble, so that
/// ``CircuitBreaker/run(_:isFailure:)`` records it correctly without being told.
///
/// A client's error conforms: a refused connection, a timeout, 429, 503 and other 5xx
/// count as failures; a 404 or 409 is the dependency answering normally (expected while
/// reconciling) and counts as a success.
public protocol CircuitBreakerClassifiable: Error {
    /// Whether a circuit breaker should record this error as a failure of the dependency.
    var countsAsFailure: Bool { get }
}
