/// Circuit-breaker settings for every external dependency sutactl calls (the gateway admin
/// API, the discovery agent, the model server, each probed service).
///
/// The defaults are smaller than resilience4j's (window 100, minimum 100, open 60 s)
/// because one apply makes a handful of calls per dependency, not thousands.
public struct BreakerPolicy: Sendable, Hashable {
    /// Percentage of failed calls in the window that opens the breaker, in (0, 100].
    public var failureRate: Double = 50
    /// The last N calls make the window.
    public var window: Int = 10
    /// No verdict before this many calls are in the window.
    public var minimumCalls: Int = 5
    /// How long an open breaker rejects calls before it lets trial calls through.
    public var openDuration: Duration = .seconds(30)
    /// Trial calls allowed while half-open.
    public var halfOpenCalls: Int = 2

    public init() {}
}
