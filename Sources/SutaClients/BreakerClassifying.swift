/// An error that knows whether it counts as a circuit-breaker failure (see
/// ``BreakerFailure`` for the rule).
public protocol BreakerClassifying: Error {
    /// Whether this error counts as a failure of the dependency that produced it.
    var countsAsFailure: Bool { get }
}

extension BreakerClassifying {
    /// Whether `error`, thrown by a call, counts as a circuit-breaker failure; a shorthand
    /// for ``BreakerFailure/isBreakerFailure(_:)`` to hand a breaker as its classifier,
    /// e.g. `KongError.isBreakerFailure`.
    public static func isBreakerFailure(_ error: any Error) -> Bool {
        BreakerFailure.isBreakerFailure(error)
    }
}
