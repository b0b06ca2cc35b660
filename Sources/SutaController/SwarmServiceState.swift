import SutaClients

/// One swarm service as `status` and `apply` see it: how many of its tasks run the current
/// spec, where each task is, and how its last update ended.
public struct SwarmServiceState: Sendable, Equatable {
    /// One task that should run.
    public struct TaskState: Sendable, Equatable {
        public var node: String
        public var nodeState: String
        public var state: String
        /// `healthy` (a task with a health check runs only once healthy), `starting`, or empty.
        public var health: String
        public var message: String
        public var current: Bool
    }

    public var service: String
    public var name: String
    public var desired: Int
    public var tasks: [TaskState]
    public var updateState: String?
    public var updateMessage: String?
    public var endpointMode: String
    /// Whether the service runs with the settings of the manifests (its label).
    public var settingsLabel: String?

    /// Tasks running the service's current spec.
    public var running: Int { tasks.filter { $0.current && $0.state == "running" }.count }

    init(service: String, found: SwarmService, tasks: [SwarmTask], nodes: [SwarmNode]) {
        self.service = service
        name = found.spec.name
        desired = found.spec.mode?.replicated?.replicas ?? 0
        updateState = found.updateState
        updateMessage = found.updateMessage
        endpointMode = found.spec.endpointSpec?.mode ?? "vip"
        settingsLabel = found.spec.labels?["sutactl.settings"]
        self.tasks = tasks.sorted { ($0.slot ?? 0) < ($1.slot ?? 0) }.map { task in
            let node = nodes.first { $0.id == task.nodeID }
            let health = !task.hasHealthCheck ? "" : task.state == "running" ? "healthy" : task.state == "starting" ? "starting" : ""
            return TaskState(node: node?.hostname ?? (task.nodeID.isEmpty ? "-" : String(task.nodeID.prefix(12))), nodeState: node?.state ?? "unknown",
                             state: task.state, health: health, message: task.error ?? task.message,
                             current: task.spec == found.spec.taskTemplate)
        }
    }
}
