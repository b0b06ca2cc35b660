#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The decisions of a ``CircuitBreaker`` as a plain value, without locks or clocks: the
/// breaker holds one behind its mutex and passes the time in.
///
/// Every state change starts a new generation. A permit carries the generation it was
/// issued in, and an outcome from an older generation is dropped: a slow call that started
/// before the breaker opened (or was reset) does not count in the new state.
struct BreakerStateMachine: Sendable {
    let settings: CircuitBreakerSettings
    private(set) var state = BreakerState.closed
    /// The sliding window (closed), the window that opened the breaker (open), or the
    /// finished trial calls (half-open); oldest first.
    private(set) var outcomes: [BreakerCallOutcome] = []
    /// When the breaker last opened (wall clock, for people); `nil` when closed.
    private var openedAt: Date?
    /// When an open breaker lets the first trial through; `nil` unless open.
    private var retryAt: ContinuousClock.Instant?
    private var generation: UInt64 = 0
    /// Trial calls handed out in the half-open state, finished or not.
    private var trialsIssued = 0

    init(settings: CircuitBreakerSettings) {
        self.settings = settings
    }

    /// The state `snapshot` describes, saved by an earlier process.
    ///
    /// An open breaker waits for what was left of its open duration (never longer than
    /// `settings.openDuration`, should the wall clock have jumped). A half-open breaker
    /// keeps its finished trials; trials that were under way died with that process, so
    /// their places are free again.
    init(settings: CircuitBreakerSettings, restoring snapshot: BreakerSnapshot, now: ContinuousClock.Instant, date: Date) {
        self.settings = settings
        state = snapshot.state
        switch snapshot.state {
        case .closed:
            // Under other settings than the saving process's, the window may already trip.
            outcomes = Array(snapshot.outcomes.suffix(settings.slidingWindowSize))
            if settings.trips(outcomes, minimumCalls: settings.minimumNumberOfCalls) { open(now: now, date: date) }
        case .open:
            outcomes = snapshot.outcomes
            openedAt = snapshot.openedAt ?? date
            let remaining = (snapshot.retryAt ?? date).timeIntervalSince(date)
            let limit = Double(settings.openDuration.wholeNanoseconds) / 1e9
            retryAt = now + .nanoseconds(Int64(min(max(remaining, 0), limit) * 1e9))
        case .halfOpen:
            outcomes = snapshot.outcomes
            openedAt = snapshot.openedAt
            trialsIssued = outcomes.count
            concludeTrials(now: now, date: date)
        }
    }

    /// Asks to make a call. Returns the generation for its permit, or `nil` when the call
    /// is rejected. An open breaker whose open duration has passed turns half-open here and
    /// hands out the first trial.
    mutating func acquire(now: ContinuousClock.Instant) -> UInt64? {
        switch state {
        case .closed:
            return generation
        case .open:
            guard let retryAt, now >= retryAt else { return nil }
            state = .halfOpen
            outcomes = []
            self.retryAt = nil
            trialsIssued = 0
            generation &+= 1
            return acquire(now: now)
        case .halfOpen:
            guard trialsIssued < settings.permittedCallsInHalfOpen else { return nil }
            trialsIssued += 1
            return generation
        }
    }

    /// Records how a call of `generation` ended; opens or closes the breaker when that
    /// decides it.
    mutating func record(_ outcome: BreakerCallOutcome, generation token: UInt64, now: ContinuousClock.Instant, date: Date) {
        guard token == generation else { return }
        switch state {
        case .closed:
            outcomes.append(outcome)
            if outcomes.count > settings.slidingWindowSize { outcomes.removeFirst(outcomes.count - settings.slidingWindowSize) }
            if settings.trips(outcomes, minimumCalls: settings.minimumNumberOfCalls) { open(now: now, date: date) }
        case .halfOpen:
            outcomes.append(outcome)
            concludeTrials(now: now, date: date)
        case .open:
            break  // unreachable: opening starts a new generation
        }
    }

    /// A call of `generation` ended without a verdict (it was cancelled): in the half-open
    /// state its trial place is free for another call.
    mutating func abandon(generation token: UInt64) {
        guard token == generation, state == .halfOpen else { return }
        trialsIssued -= 1
    }

    /// Back to closed with an empty window.
    mutating func reset() {
        state = .closed
        outcomes = []
        openedAt = nil
        retryAt = nil
        trialsIssued = 0
        generation &+= 1
    }

    /// The state for people and for the state file; `date` and `now` are the same moment.
    func snapshot(name: String, now: ContinuousClock.Instant, date: Date) -> BreakerSnapshot {
        BreakerSnapshot(
            name: name, state: state, outcomes: outcomes, openedAt: openedAt,
            retryAt: retryAfter(now: now).map { date.addingTimeInterval(Double($0.wholeNanoseconds) / 1e9) })
    }

    /// How long until an open breaker lets a trial through (negative once it would);
    /// `nil` unless open.
    func retryAfter(now: ContinuousClock.Instant) -> Duration? {
        retryAt.map { now.duration(to: $0) }
    }

    /// Once every trial call has finished: open again if they failed often enough, else
    /// close with an empty window.
    private mutating func concludeTrials(now: ContinuousClock.Instant, date: Date) {
        guard state == .halfOpen, outcomes.count >= settings.permittedCallsInHalfOpen else { return }
        if settings.trips(outcomes, minimumCalls: 1) {
            open(now: now, date: date)
        } else {
            reset()
        }
    }

    private mutating func open(now: ContinuousClock.Instant, date: Date) {
        state = .open
        openedAt = date
        retryAt = now + settings.openDuration
        trialsIssued = 0
        generation &+= 1
    }
}
