/// How supervised services (the agents) are restarted when they fail.
public struct SupervisionPolicy: Sendable, Hashable {
    /// First restart delay; each further one doubles, up to `backoffCap`.
    public var backoffBase: Duration = .seconds(1)
    public var backoffCap: Duration = .seconds(60)
    /// Consecutive failed probes before a running container is restarted.
    public var failureThreshold: Int = 3
    /// More restarts than this within `restartWindow` is a crash loop: sutactl stops
    /// restarting and reports it.
    public var maxRestarts: Int = 5
    public var restartWindow: Duration = .seconds(600)

    public init() {}

    /// The delay before restart number `attempt` (1-based): base, 2×base, 4×base, ... capped.
    public func backoff(attempt: Int) -> Duration {
        var delay = backoffBase
        for _ in 1..<max(attempt, 1) {
            delay = delay * 2
            if delay >= backoffCap { return backoffCap }
        }
        return min(delay, backoffCap)
    }
}
