import SutaModel

/// How a swarm service's update (and its rollback) replaces tasks: Docker's UpdateConfig and
/// RollbackConfig. Read from the service through ``init(service:)``, the one place that knows
/// where the rollout policy lives in the manifests.
public struct SwarmRollout: Sendable, Hashable {
    /// Tasks replaced at once.
    public var parallelism: Int
    /// How long each new task is watched: failing within it fails the update.
    public var monitor: Duration
    /// `stop-first` or `start-first`.
    public var order: String
    /// `rollback`, `pause` or `continue`.
    public var failureAction: String
    /// The rollback's own parallelism and monitor.
    public var rollbackParallelism: Int
    public var rollbackMonitor: Duration

    public init(parallelism: Int, monitor: Duration, order: String, failureAction: String, rollbackParallelism: Int, rollbackMonitor: Duration) {
        self.parallelism = parallelism
        self.monitor = monitor
        self.order = order
        self.failureAction = failureAction
        self.rollbackParallelism = rollbackParallelism
        self.rollbackMonitor = rollbackMonitor
    }

    /// The rollout for `service`: one task at a time, stop-first, rolled back on failure, each
    /// new task watched for as long as its health check needs to fail (start period plus
    /// retries × interval, at least 5 s). The manifests' `update_config`/`rollback_config`
    /// replace these defaults field by field once the ServiceSpec carries them.
    public init(service: ServiceSpec) {
        var monitor = Duration.seconds(5)
        if let check = service.healthcheck, check.probe != .disabled {
            let interval = check.interval ?? .seconds(30)
            let watched = (check.startPeriod ?? .zero) + interval * ((check.retries ?? 3) + 1) + (check.timeout ?? .zero)
            monitor = max(monitor, watched)
        }
        self.init(parallelism: 1, monitor: monitor, order: "stop-first", failureAction: "rollback",
                  rollbackParallelism: 1, rollbackMonitor: .seconds(1))
    }

    /// `parallelism 1, monitor 5s, stop-first, on failure rollback`.
    public var text: String {
        "parallelism \(parallelism), monitor \(DurationText.format(monitor)), \(order), on failure \(failureAction)"
    }
}
