import SutaModel

/// What supervision does about one supervised container now, decided from what the engine
/// shows, the service's record and the policy. Pure: the time is a value.
public enum SupervisionDecision: Sendable, Hashable {
    /// Running (and healthy where it has a check), or not failing enough yet.
    case none
    /// Restart it now: attempt `attempt` within the restart window.
    case restart(attempt: Int)
    /// Restart it, but not before `after` seconds from now (its backoff).
    case wait(after: Double, attempt: Int)
    /// More than `maxRestarts` restarts within the window: leave it as it is.
    case hold(reason: String)

    /// A container that exited or died fails at once; a running one once its health check
    /// failed `failureThreshold` times in a row (the engine's failing streak). The first
    /// restart comes at once, each next one `backoff(attempt)` after the one before.
    public static func decide(container: ObservedContainer, healthChecked: Bool, record: SupervisionRecord?,
                              policy: SupervisionPolicy, now: Double) -> SupervisionDecision {
        if let record, record.crashLooping { return .hold(reason: record.lastReason ?? "crash-looping") }
        let failing: Bool = switch container.state {
        case .exited, .dead: true
        case .running: healthChecked && container.health == .unhealthy && (container.failingStreak ?? policy.failureThreshold) >= policy.failureThreshold
        default: false
        }
        guard failing else { return .none }
        let recent = record?.restarts(within: policy.restartWindow, now: now) ?? 0
        if recent >= policy.maxRestarts {
            return .hold(reason: "\(recent) restarts within \(DurationText.format(policy.restartWindow))")
        }
        let attempt = recent + 1
        guard let last = record?.restarts.max() else { return .restart(attempt: attempt) }
        let backoff = policy.backoff(attempt: attempt)
        let due = last + backoff.inSeconds
        return due <= now ? .restart(attempt: attempt) : .wait(after: due - now, attempt: attempt)
    }
}
