#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A call a ``CircuitBreaker`` rejected without making it: the breaker is open, or it is
/// half-open and all its trial calls are taken.
public struct CircuitBreakerOpen: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dependency the breaker guards, e.g. `kong`.
    public var name: String
    /// `.open`, or `.halfOpen` while the trial calls are under way.
    public var state: BreakerState
    /// When the breaker will let a trial call through; `nil` when half-open, where the
    /// trial calls under way decide.
    public var retryAt: Date?
    /// How long until ``retryAt`` (zero or more); `nil` when half-open.
    public var retryAfter: Duration?
    /// The outcomes that opened the breaker (or the finished trials when half-open).
    public var failures: Int
    /// How many outcomes ``failures`` is out of.
    public var calls: Int

    /// Creates the error.
    public init(name: String, state: BreakerState, retryAt: Date?, retryAfter: Duration?, failures: Int, calls: Int) {
        self.name = name
        self.state = state
        self.retryAt = retryAt
        self.retryAfter = retryAfter
        self.failures = failures
        self.calls = calls
    }

    /// A sentence a person can act on, e.g. `circuit breaker 'kong' is open (4 of 5 recent
    /// calls failed): not calling kong; the next trial call is allowed in 12s`.
    public var description: String {
        let record = calls == 0 ? "" : " (\(failures) of \(calls) recent calls failed)"
        guard let retryAfter else {
            return "circuit breaker '\(name)' is half-open\(record): not calling \(name) while its trial calls are under way"
        }
        let seconds = max(0, Int((Double(retryAfter.wholeNanoseconds) / 1e9).rounded(.up)))
        return "circuit breaker '\(name)' is open\(record): not calling \(name); the next trial call is allowed in \(seconds)s, "
            + "or reset the breaker to try at once"
    }
}
