#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaClients
import SutaModel

/// The project's circuit breakers, kept in `breakers.json` in its state directory so a
/// breaker opened by one run is still open for the next (and `sutactl breakers` shows it).
public struct BreakerStore: Sendable {
    public let file: URL
    public let settings: CircuitBreakerSettings

    public init(directory: URL, policy: BreakerPolicy) {
        file = directory.appendingPathComponent("breakers.json")
        settings = CircuitBreakerSettings(failureRateThreshold: policy.failureRate, slidingWindowSize: policy.window,
                                          minimumNumberOfCalls: policy.minimumCalls, openDuration: policy.openDuration,
                                          permittedCallsInHalfOpen: policy.halfOpenCalls)
    }

    /// The saved breakers; a missing or unreadable file starts every breaker closed.
    public func load() -> CircuitBreakerRegistry {
        (try? CircuitBreakerRegistry.load(from: file, settings: settings)) ?? CircuitBreakerRegistry(settings: settings)
    }

    public func save(_ registry: CircuitBreakerRegistry) {
        try? registry.save(to: file)
    }
}
