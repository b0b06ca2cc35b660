import SutaErrors
import Synchronization

/// Stops calling a dependency (Kong, Consul, Ollama, a health probe) that keeps failing,
/// and tries it again after a while, with resilience4j's semantics.
///
/// - **Closed**: calls pass and their outcomes go into a count-based sliding window of the
///   last ``CircuitBreakerSettings/slidingWindowSize`` calls. Once it holds at least
///   ``CircuitBreakerSettings/minimumNumberOfCalls`` and the failure rate is at or above
///   ``CircuitBreakerSettings/failureRateThreshold``, the breaker opens.
/// - **Open**: calls are rejected at once with ``CircuitBreakerOpen``, which says when a
///   trial will be allowed. The first call after ``CircuitBreakerSettings/openDuration``
///   turns the breaker half-open.
/// - **Half-open**: exactly ``CircuitBreakerSettings/permittedCallsInHalfOpen`` trial calls
///   pass, the rest are rejected. When all have finished, a failure rate at or above the
///   threshold opens the breaker again; otherwise it closes with an empty window.
///
/// Use ``run(_:isFailure:)``, or ``acquire()`` and then record the outcome on the
/// ``BreakerPermit``. The breaker is safe to share between tasks and threads; time comes
/// from the injected ``BreakerClock``.
public final class CircuitBreaker: Sendable {
    /// The dependency it guards, e.g. `kong`, `consul`, `ollama`, `probe:backend`.
    public let name: String
    /// How it decides.
    public let settings: CircuitBreakerSettings
    private let clock: any BreakerClock
    private let machine: Mutex<BreakerStateMachine>

    /// Creates a closed breaker for the dependency `name`.
    public convenience init(name: String, settings: CircuitBreakerSettings = CircuitBreakerSettings(), clock: any BreakerClock = SystemBreakerClock()) {
        self.init(name: name, machine: BreakerStateMachine(settings: settings), clock: clock)
    }

    /// Creates a breaker for the dependency `snapshot` names, in the state it describes
    /// (see ``CircuitBreakerRegistry/load(from:settings:clock:)``).
    convenience init(restoring snapshot: BreakerSnapshot, settings: CircuitBreakerSettings, clock: any BreakerClock) {
        let machine = BreakerStateMachine(settings: settings, restoring: snapshot, now: clock.now, date: clock.date)
        self.init(name: snapshot.name, machine: machine, clock: clock)
    }

    private init(name: String, machine: BreakerStateMachine, clock: any BreakerClock) {
        self.name = name
        settings = machine.settings
        self.clock = clock
        self.machine = Mutex(machine)
    }

    /// The current state. An open breaker whose open duration has passed still says
    /// `open` until the next ``acquire()`` makes it half-open.
    public var state: BreakerState { machine.withLock { $0.state } }

    /// Asks to make one call. Returns a permit on which to record how the call ended, or
    /// throws ``CircuitBreakerOpen`` (and the call must not be made) when the breaker is
    /// open, or half-open with all its trial calls taken.
    public func acquire() throws(CircuitBreakerOpen) -> BreakerPermit {
        let now = clock.now
        let admission = machine.withLock { machine -> Result<UInt64, CircuitBreakerOpen> in
            if let generation = machine.acquire(now: now) { return .success(generation) }
            return .failure(rejection(machine, now: now))
        }
        return BreakerPermit(breaker: self, generation: try admission.get())
    }

    /// Runs `body` if the breaker allows it and records how it ended.
    ///
    /// An error for which `isFailure` is true counts as a failure; any other error counts
    /// as a success (the dependency answered), and a cancelled call counts as neither.
    /// Errors thrown by `body` are rethrown; a rejected call throws ``CircuitBreakerOpen``
    /// without running `body`.
    ///
    /// - Parameter isFailure: by default ``countsAsFailure(_:)``: derived from the error's
    ///   ``SutaError`` (retryable counts), otherwise a failure.
    public func run<T>(_ body: () async throws -> T, isFailure: (any Error) -> Bool = CircuitBreaker.countsAsFailure) async throws -> T {
        let permit = try acquire()
        do {
            let value = try await body()
            permit.record(success: true)
            return value
        } catch {
            if error is CancellationError || Task.isCancelled {
                permit.abandon()
            } else {
                permit.record(success: !isFailure(error))
            }
            throw error
        }
    }

    /// The default verdict of ``run(_:isFailure:)``: a ``SutaError`` that is retryable (the
    /// dependency unreachable, timing out, overloaded or failing: 429 and 5xx) counts; one
    /// that is terminal (404, 409, a refused request) is the dependency answering normally.
    public static func countsAsFailure(_ error: any Error) -> Bool {
        switch error {
        // A cancelled call says nothing about the dependency.
        case is CancellationError: false
        case let error as any SutaErrorConvertible: error.sutaError.retryable
        // Anything else counts, as resilience4j records every exception by default.
        default: true
        }
    }

    /// Closes the breaker and empties its window, whatever its state. Outcomes of calls
    /// that started before are dropped.
    public func reset() {
        machine.withLock { $0.reset() }
    }

    /// The current state, window and times.
    public func snapshot() -> BreakerSnapshot {
        let (now, date) = (clock.now, clock.date)
        return machine.withLock { $0.snapshot(name: name, now: now, date: date) }
    }

    /// Takes the outcome of a permitted call of `generation`; `nil` when it ended without
    /// a verdict.
    func finish(generation: UInt64, outcome: BreakerCallOutcome?) {
        let (now, date) = (clock.now, clock.date)
        machine.withLock { machine in
            if let outcome {
                machine.record(outcome, generation: generation, now: now, date: date)
            } else {
                machine.abandon(generation: generation)
            }
        }
    }

    private func rejection(_ machine: BreakerStateMachine, now: ContinuousClock.Instant) -> CircuitBreakerOpen {
        let retryAfter = machine.retryAfter(now: now)
        let retryAt = retryAfter.map { clock.date.addingTimeInterval(Double($0.wholeNanoseconds) / 1e9) }
        let failures = machine.outcomes.count { $0 == .failure }
        return CircuitBreakerOpen(
            name: name, state: machine.state, retryAt: retryAt, retryAfter: retryAfter,
            failures: failures, calls: machine.outcomes.count)
    }
}
