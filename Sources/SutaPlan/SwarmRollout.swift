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

    /// The rollout for `service`: its `update_config` and `rollback_config` over the Project's
    /// (`project`), then Swarm's own choices: one task at a time, stop-first (host-mode ports),
    /// rolled back on failure, each new task watched for as long as its health check needs to
    /// fail (start period plus retries × interval, at least 5 s: Swarm's monitor starts with
    /// the task, not once it is healthy).
    public init(service: ServiceSpec, project: ProjectSpec? = nil) {
        var watched = Duration.seconds(5)
        if let check = service.healthcheck, check.probe != .disabled {
            let interval = check.interval ?? .seconds(30)
            watched = max(watched, (check.startPeriod ?? .zero) + interval * ((check.retries ?? 3) + 1) + (check.timeout ?? .zero))
        }
        let update = service.updateConfig, defaults = project?.updateConfig
        let rollback = service.rollbackConfig, rollbackDefaults = project?.rollbackConfig
        self.init(parallelism: update?.parallelism ?? defaults?.parallelism ?? 1,
                  monitor: update?.monitor ?? defaults?.monitor ?? watched,
                  order: (update?.order ?? defaults?.order ?? .stopFirst).rawValue,
                  failureAction: (update?.failureAction ?? defaults?.failureAction ?? .rollback).rawValue,
                  rollbackParallelism: rollback?.parallelism ?? rollbackDefaults?.parallelism ?? 1,
                  rollbackMonitor: rollback?.monitor ?? rollbackDefaults?.monitor ?? .seconds(1))
    }

    /// `parallelism 1, monitor 5s, stop-first, on failure rollback`.
    public var text: String {
        "parallelism \(parallelism), monitor \(DurationText.format(monitor)), \(order), on failure \(failureAction)"
    }
}
