#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a ``CircuitBreaker`` reads the time. Tests inject a clock they advance by hand, so
/// no test sleeps through an open period.
///
/// The breaker decides with ``now`` (monotonic, immune to wall-clock jumps) and uses
/// ``date`` only to show and persist times, because a monotonic instant means nothing to
/// another process or to a person. The two must advance together.
public protocol BreakerClock: Sendable {
    /// The current instant of a monotonic clock.
    var now: ContinuousClock.Instant { get }
    /// The current wall-clock time.
    var date: Date { get }
}
