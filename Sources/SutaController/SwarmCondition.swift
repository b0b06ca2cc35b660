/// Where a swarm service stands against a depends_on condition or a converged apply.
enum SwarmCondition: Sendable, Equatable {
    case met
    /// Not yet: what is still missing.
    case notYet(String)
    /// It will not happen without a change: why (rolled back, paused, failed).
    case never(String)
}
