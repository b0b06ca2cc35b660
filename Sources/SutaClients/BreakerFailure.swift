/// Which outcomes of a call to a dependency (Kong, Consul, ...) count as failures for its
/// circuit breaker.
///
/// A failure says the dependency is unavailable or overloaded: no connection, a timeout, a
/// broken exchange, a 5xx status, or 429 (too many requests, or Kong still loading its last
/// configuration). Answers a reconciler expects in the normal course of things, such as 304
/// (nothing changed), 404 (already gone) and 409 (name taken), and every other 4xx, say the
/// request was wrong, not that the dependency is down: retrying elsewhere would not help,
/// so they do not open a breaker. A cancelled call says nothing about the dependency.
public enum BreakerFailure {
    /// Whether a response with `status` counts as a failure: 5xx and 429.
    public static func isBreakerFailure(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }
}
