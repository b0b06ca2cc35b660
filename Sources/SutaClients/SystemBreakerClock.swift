#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The real time: `ContinuousClock.now` and `Date()`.
public struct SystemBreakerClock: BreakerClock {
    /// Creates the clock.
    public init() {}

    /// `ContinuousClock.now`.
    public var now: ContinuousClock.Instant { .now }
    /// `Date()`.
    public var date: Date { Date() }
}
