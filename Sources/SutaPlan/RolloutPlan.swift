import SutaModel

/// How a recreate replaces a running container, as the planner decided it from the
/// service's `update_config`: the old container is kept (renamed `previousName`) until the new
/// one has passed `monitor`; on failure `failureAction` says what happens to the two.
public struct RolloutPlan: Sendable, Hashable {
    public var order: RolloutPolicy.Order
    public var failureAction: RolloutPolicy.FailureAction
    /// How long the new container must stay healthy (or running) after it first is.
    public var monitor: Duration
    /// Waited before this replica's replacement starts (the batches after the first).
    public var delay: Duration
    /// The old container's name while it is the previous generation.
    public var previousName: String
    /// Whether the new container must become healthy (it has a health check) or only run.
    public var healthGated: Bool

    public init(order: RolloutPolicy.Order, failureAction: RolloutPolicy.FailureAction, monitor: Duration, delay: Duration,
                previousName: String, healthGated: Bool) {
        self.order = order
        self.failureAction = failureAction
        self.monitor = monitor
        self.delay = delay
        self.previousName = previousName
        self.healthGated = healthGated
    }

    /// `{rollout start-first, rollback, monitor 0s}`, for the plan's graph text.
    public var text: String {
        "{rollout \(order.rawValue), \(failureAction.rawValue), monitor \(DurationText.format(monitor))"
            + (delay > .zero ? ", delay \(DurationText.format(delay))" : "") + "}"
    }
}
