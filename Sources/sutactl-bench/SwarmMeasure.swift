/// A figure of one round of the side-by-side benchmark against `docker stack deploy` on the
/// swarm lab (`--swarm`).
enum SwarmMeasure: String, CaseIterable {
    case deployReturned = "deploy: returns"
    case deployRunning = "deploy: all running+healthy"
    case noop = "no-op deploy: returns"
    /// How many tasks the no-op deploy replaced (a count, not seconds).
    case noopReplaced = "no-op: tasks replaced (count)"
    /// Until the replaced tasks run again; only in rounds where the no-op replaced any.
    case noopConverged = "no-op: replaced tasks healthy"
    case change = "one service changed: returns"
    case changeRunning = "one changed: new task healthy"
    case removeReturned = "removal: returns"
    case removeGone = "removal: all gone, every node"
    case peakDeploy = "peak RSS of deploy (MB)"
    case peakRemove = "peak RSS of removal (MB)"
}
