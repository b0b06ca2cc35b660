/// How a ``CircuitBreaker`` decides, with defaults for a command-line controller.
///
/// The semantics are resilience4j's (count-based sliding window, minimum number of calls,
/// failure rate threshold, wait in open state, permitted calls in half-open state), but the
/// defaults are smaller because `sutactl` makes few calls: an `apply` talks to Kong, Consul
/// or Ollama a handful of times, and the `controller` loop a handful per pass. With
/// resilience4j's defaults (window 100, minimum 100 calls, 60 s open, 10 trials) a breaker
/// would need dozens of runs to open and dozens more to close, so it would never protect
/// anything. The state is persisted between runs (``CircuitBreakerRegistry``), so the
/// window spans several invocations.
public struct CircuitBreakerSettings: Sendable, Equatable {
    /// The failure rate, in percent of the calls in the window, at or above which the
    /// breaker opens. In (0, 100]. Default 50, as in resilience4j and Hystrix.
    public let failureRateThreshold: Double
    /// How many of the most recent calls the window keeps (count-based). Default 10
    /// (resilience4j: 100): about one or two runs' worth of calls to one dependency.
    public let slidingWindowSize: Int
    /// How many calls the window must hold before the failure rate is judged; capped at
    /// ``slidingWindowSize``. Default 5 (resilience4j: 100, Hystrix: 20): a dead dependency
    /// is caught within one run, while one unlucky call cannot open the breaker.
    public let minimumNumberOfCalls: Int
    /// How long the breaker stays open before it lets trial calls through. Default 30 s
    /// (resilience4j: 60 s, Hystrix: 5 s): long enough for a restarting container to come
    /// back, short enough that the next `controller` pass or a rerun of `apply` a minute
    /// later tries again.
    public let openDuration: Duration
    /// How many trial calls the half-open breaker lets through; when all have finished,
    /// their failure rate decides between closed and open. Default 2 (resilience4j: 10,
    /// Hystrix: 1): ten trials would keep a CLI's breaker half-open for many runs, one
    /// lucky call would close it too easily.
    public let permittedCallsInHalfOpen: Int

    /// Creates settings; the defaults are the ones documented on each property.
    ///
    /// - Precondition: `failureRateThreshold` is in (0, 100], `slidingWindowSize`,
    ///   `minimumNumberOfCalls` and `permittedCallsInHalfOpen` are at least 1, and
    ///   `openDuration` is not negative. Validate user input before building settings.
    public init(
        failureRateThreshold: Double = 50,
        slidingWindowSize: Int = 10,
        minimumNumberOfCalls: Int = 5,
        openDuration: Duration = .seconds(30),
        permittedCallsInHalfOpen: Int = 2
    ) {
        precondition(failureRateThreshold > 0 && failureRateThreshold <= 100, "failureRateThreshold must be in (0, 100]")
        precondition(slidingWindowSize >= 1, "slidingWindowSize must be at least 1")
        precondition(minimumNumberOfCalls >= 1, "minimumNumberOfCalls must be at least 1")
        precondition(openDuration >= .zero, "openDuration must not be negative")
        precondition(permittedCallsInHalfOpen >= 1, "permittedCallsInHalfOpen must be at least 1")
        self.failureRateThreshold = failureRateThreshold
        self.slidingWindowSize = slidingWindowSize
        self.minimumNumberOfCalls = min(minimumNumberOfCalls, slidingWindowSize)
        self.openDuration = openDuration
        self.permittedCallsInHalfOpen = permittedCallsInHalfOpen
    }

    /// Whether `outcomes` are enough calls, failing often enough, to open the breaker.
    func trips(_ outcomes: [BreakerCallOutcome], minimumCalls: Int) -> Bool {
        guard !outcomes.isEmpty, outcomes.count >= minimumCalls else { return false }
        let failures = outcomes.count { $0 == .failure }
        return Double(failures) * 100 >= failureRateThreshold * Double(outcomes.count)
    }
}
