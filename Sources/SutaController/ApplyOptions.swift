/// Flags of `apply` (and of `profile`, which applies with prune).
public struct ApplyOptions: Sendable {
    public var dryRun = false
    public var prune = false
    public var pruneVolumes = false
    /// Wait until every service runs and is healthy before returning.
    public var wait = false
    /// Bound on each dependency wait and on `wait`.
    public var timeout: Duration = .seconds(300)
    /// When another sutactl holds the project lock: wait for it (true) or fail at once.
    public var waitForLock = true
    public var parallelism = 8

    public init() {}
}
