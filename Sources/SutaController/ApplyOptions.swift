/// Flags of `apply` (and of `profile`, which applies with prune).
public struct ApplyOptions: Sendable {
    public var dryRun = false
    public var prune = false
    public var pruneVolumes = false
    /// Wait until every service runs and is healthy before returning.
    public var wait = false
    /// Engine mode swarm: after the steps, wait until each created or updated service runs
    /// its new spec (the controller does not: the swarm's events bring it back).
    public var awaitChanged = true
    /// Bound on each dependency wait and on `wait`.
    public var timeout: Duration = .seconds(300)
    /// When another sutactl holds the project lock: wait for it (true) or fail at once.
    public var waitForLock = true
    public var parallelism = 8
    /// Take the project lock (the controller, which holds it for its whole run, does not).
    public var takeLock = true
    /// Also bring the gateway, discovery agent and model server in line.
    public var syncIntegrations = true
    /// Converge only these services (`rollout undo`): the plan keeps their steps and what they
    /// need first (``Plan/restricted(to:)``). nil: every service.
    public var services: Set<String>?
    /// Containers to read directly after the listing, whose listed state may lag behind.
    public var refreshContainers: [String] = []
    /// True once the user interrupted (Ctrl-C): no new step starts, and --wait and the
    /// gateway/discovery/model sync are skipped.
    public var interrupted: @Sendable () -> Bool = { false }

    public init() {}
}
