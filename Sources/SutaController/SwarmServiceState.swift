import SutaClients
import SutaModel
import SutaPlan

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

    /// The project's services as ``SwarmEngineDriver/serviceStates(project:)`` read them, by the
    /// manifests' service name (their `sutactl.service` label).
    static func byService(_ found: [String: (service: SwarmService, tasks: [SwarmTask])], nodes: [SwarmNode]) -> [String: SwarmServiceState] {
        var states: [String: SwarmServiceState] = [:]
        for (name, (service, tasks)) in found {
            let manifestName = service.spec.labels?[OwnershipLabels.service] ?? name
            states[manifestName] = SwarmServiceState(service: manifestName, found: service, tasks: tasks, nodes: nodes)
        }
        return states
    }

    /// Whether the service meets `condition`: `healthy` (and a converged apply) when its desired
    /// tasks run the current spec (a task with a health check runs only once healthy),
    /// `started` once they are at least starting, `completed` once one has completed.
    /// `sentLabel`: the settings label an apply gave it (the service must run those, not the
    /// ones before: a rolled back update never will).
    func condition(_ condition: Dependency.Condition, sentLabel: String?) -> SwarmCondition {
        let current = sentLabel.map { $0 == settingsLabel } ?? true
        if !current && updateState == "rollback_completed" { return .never("rolled back: \(updateMessage ?? "the update failed")") }
        if ["paused", "rollback_paused"].contains(updateState ?? "") { return .never("update \(updateState!): \(updateMessage ?? "")") }
        let last = tasks.last.map { $0.message.isEmpty ? "" : " (last: \($0.state), \($0.message))" } ?? ""
        guard current else { return .notYet("its update has not started\(last)") }
        switch condition {
        case .completed:
            if tasks.contains(where: { $0.current && $0.state == "complete" }) { return .met }
            if let failed = tasks.first(where: { $0.current && ["failed", "rejected"].contains($0.state) }) {
                return .never("its task \(failed.state)\(failed.message.isEmpty ? "" : ": \(failed.message)")")
            }
            return .notYet("no task has completed yet\(last)")
        case .started:
            let started = tasks.filter { $0.current && ["starting", "running"].contains($0.state) }.count
            return started >= desired ? .met : .notYet("\(started)/\(desired) tasks started\(last)")
        case .healthy:
            return running >= desired ? .met : .notYet("\(running)/\(desired) tasks run the current spec\(last)")
        }
    }
}
