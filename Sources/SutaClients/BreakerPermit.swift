import Synchronization

/// Permission from a ``CircuitBreaker`` to make one call. Record how the call ended, once:
/// ``record(success:)``, or ``abandon()`` when it ended without a verdict (cancelled).
/// Later calls are ignored; a permit dropped without either is abandoned, so a half-open
/// breaker does not wait for it forever.
public final class BreakerPermit: Sendable {
    private let breaker: CircuitBreaker
    private let generation: UInt64
    private let finished = Atomic<Bool>(false)

    init(breaker: CircuitBreaker, generation: UInt64) {
        self.breaker = breaker
        self.generation = generation
    }

    deinit {
        finish(nil)
    }

    /// Records the call as a success (the dependency answered) or a failure.
    public func record(success: Bool) {
        finish(success ? .success : .failure)
    }

    /// Records nothing: the call ended without saying anything about the dependency. A
    /// trial place of a half-open breaker becomes free again.
    public func abandon() {
        finish(nil)
    }

    private func finish(_ outcome: BreakerCallOutcome?) {
        guard !finished.exchange(true, ordering: .acquiringAndReleasing) else { return }
        breaker.finish(generation: generation, outcome: outcome)
    }
}
