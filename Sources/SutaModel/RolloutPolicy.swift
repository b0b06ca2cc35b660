import SutaYAML

/// How a changed service replaces its containers (`update_config`) or goes back
/// (`rollback_config`), with the names of Compose's and Swarm's `deploy.update_config`. Every
/// field is optional: what is left out comes from the Project's policy, then the defaults
/// (``effective(for:project:)``).
public struct RolloutPolicy: Sendable, Hashable {
    /// Which container runs while the other is replaced.
    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// The old container stops before the new one starts (a fixed host port allows no other).
        case stopFirst = "stop-first"
        /// The new one is healthy before the old stops: no downtime.
        case startFirst = "start-first"
    }

    /// What a failed replacement leads to.
    public enum FailureAction: String, Sendable, Hashable, CaseIterable {
        /// The new container goes; the old one is restored under its name and started.
        case rollback
        /// Nothing more is rolled; the failed container and the stopped old one stay for a look.
        case pause
        /// The new container stays, the old goes, the rollout carries on.
        case `continue`
    }

    public var order: Order?
    public var failureAction: FailureAction?
    /// How long the new container must stay healthy (or running, without a health check).
    public var monitor: Duration?
    /// Replicas replaced at a time.
    public var parallelism: Int?
    /// Pause between batches of replicas.
    public var delay: Duration?
    public var location: SourceLocation?

    public init(order: Order? = nil, failureAction: FailureAction? = nil, monitor: Duration? = nil, parallelism: Int? = nil,
                delay: Duration? = nil, location: SourceLocation? = nil) {
        self.order = order
        self.failureAction = failureAction
        self.monitor = monitor
        self.parallelism = parallelism
        self.delay = delay
        self.location = location
    }

    /// The service's policy over the Project's, then the defaults: roll back on failure;
    /// start-first only for a service that publishes no fixed host port and mounts no named
    /// volume read-write (two containers must not write one data directory), stop-first
    /// otherwise; monitor 0s after the health check passes, or 2s of running without one (a
    /// command that fails at once is caught); one replica at a time, no delay.
    public static func effective(for service: ServiceSpec, project: RolloutPolicy?) -> RolloutPolicy {
        let mine = service.updateConfig
        let checked = service.healthcheck.map { $0.probe != .disabled } ?? false
        let shareable = !service.ports.contains { $0.hostPort != nil } && !service.volumes.contains { $0.kind == .volume && !$0.readOnly }
        // A Project's start-first applies where it can; a service's is checked at validate.
        let order = mine?.order ?? project?.order.flatMap { $0 == .startFirst && !shareable ? nil : $0 }
        return RolloutPolicy(order: order ?? (shareable ? .startFirst : .stopFirst),
                             failureAction: mine?.failureAction ?? project?.failureAction ?? .rollback,
                             monitor: mine?.monitor ?? project?.monitor ?? (checked ? .zero : .seconds(2)),
                             parallelism: mine?.parallelism ?? project?.parallelism ?? 1,
                             delay: mine?.delay ?? project?.delay ?? .zero,
                             location: mine?.location ?? project?.location)
    }
}
