import SutaController
import SutaModel

extension OutputFormatter {
    /// `status -o json` in engine mode swarm: the container mode's top-level shape (project,
    /// profile, engine, services with name, ready, desired, state, health), each service with
    /// its tasks, and the nodes.
    static func swarmStatus(_ report: SwarmStatusReport, profile: String) -> ConfigValue {
        .object([
            ("project", .string(report.project)),
            ("profile", .string(profile)),
            ("engine", .string("swarm")),
            ("services", .array(report.services.map { name, state -> ConfigValue in
                let healthy = state.map { $0.desired > 0 && $0.running >= $0.desired } ?? false
                let tasks: [ConfigValue] = (state?.tasks ?? []).map { task in
                    .object([("node", .string(task.node)), ("nodeState", .string(task.nodeState)), ("state", .string(task.state)),
                             ("health", .string(task.health)), ("current", .bool(task.current)), ("message", .string(task.message))])
                }
                return .object([
                    ("name", .string(name)),
                    ("ready", .int(Int64(state?.running ?? 0))), ("desired", .int(Int64(state?.desired ?? 0))),
                    ("state", .string(state == nil ? "missing" : healthy ? "running" : "converging")),
                    ("health", .string(state == nil ? "" : healthy ? "healthy" : "starting")),
                    ("endpointMode", state.map { .string($0.endpointMode) } ?? .null),
                    ("updateState", state?.updateState.map(ConfigValue.string) ?? .null),
                    ("tasks", .array(tasks)),
                ])
            })),
            ("nodes", .array(report.nodes.sorted { $0.hostname < $1.hostname }.map { node in
                .object([("hostname", .string(node.hostname)), ("role", .string(node.role)), ("state", .string(node.state)),
                         ("availability", .string(node.availability))])
            })),
        ])
    }
}
