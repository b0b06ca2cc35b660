import SutaClients

/// `status` in engine mode swarm: each service's tasks (desired, running, where, health) and
/// the swarm's nodes.
public struct SwarmStatusReport: Sendable {
    public var project: String
    /// Each service of the manifests, nil when the swarm has no service for it.
    public var services: [(name: String, state: SwarmServiceState?)]
    public var nodes: [SwarmNode]

    /// The table `status` prints: a line per service, one per task under it, then the nodes.
    public var text: String {
        var lines = ["project \(project) (swarm)"]
        for (name, state) in services {
            guard let state else {
                lines.append("\(name)  missing")
                continue
            }
            var line = "\(name)  \(state.running)/\(state.desired) running  endpoint \(state.endpointMode)"
            if let update = state.updateState { line += "  update \(update)" }
            lines.append(line)
            for task in state.tasks {
                let node = task.nodeState == "ready" ? task.node : "\(task.node) (node \(task.nodeState))"
                let health = task.health.isEmpty ? "" : ", \(task.health)"
                lines.append("  task on \(node): \(task.state)\(health)\(task.current ? "" : " (previous spec)")")
            }
        }
        lines.append("nodes: " + nodes.sorted { $0.hostname < $1.hostname }.map { "\($0.hostname) \($0.role) \($0.state)" }.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}
