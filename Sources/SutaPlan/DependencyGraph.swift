import SutaModel

/// The dependency graph of the active profile as Graphviz `dot` or Mermaid text: one node
/// per service, an edge from each service to what it depends on, labelled with the
/// condition; optional edges dashed. With live states the nodes are coloured: healthy
/// green, running without a check blue, starting yellow, unhealthy or stopped red, missing
/// grey. Pure: the states come in as values.
public struct DependencyGraph: Sendable {
    /// A service's live state, for colour.
    public enum Live: String, Sendable {
        case healthy, running, starting, failing, missing
    }

    public var config: ResolvedConfig
    public var live: [String: Live]

    public init(config: ResolvedConfig, live: [String: Live] = [:]) {
        self.config = config
        self.live = live
    }

    private static let colours: [Live: (fill: String, text: String)] = [
        .healthy: ("#2e7d32", "white"), .running: ("#1565c0", "white"), .starting: ("#f9a825", "black"),
        .failing: ("#c62828", "white"), .missing: ("#9e9e9e", "white"),
    ]

    /// Each service's live state from one look at the engine.
    public static func live(_ observed: ObservedState, config: ResolvedConfig) -> [String: Live] {
        let owned = observed.containers(of: config.project.name)
        var result: [String: Live] = [:]
        for service in config.services {
            let containers = owned.filter { $0.service == service.name }
            result[service.name] = if containers.isEmpty { .missing }
                else if containers.contains(where: { $0.state != .running || $0.health == .unhealthy }) { .failing }
                else if containers.contains(where: { $0.health == .starting }) { .starting }
                else if containers.allSatisfy({ $0.health == .healthy }) { .healthy }
                else { .running }
        }
        return result
    }

    public var dot: String {
        var lines = ["digraph \"\(config.project.name)\" {", "  rankdir=LR;", "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eceff1\", fontname=Helvetica];",
                     "  edge [fontname=Helvetica, fontsize=10];"]
        for service in config.services {
            var attributes = ["label=\"\(service.name)\(service.replicas > 1 ? " x\(service.replicas)" : "")\""]
            if let state = live[service.name], let colour = Self.colours[state] {
                attributes += ["fillcolor=\"\(colour.fill)\"", "fontcolor=\"\(colour.text)\"", "tooltip=\"\(state.rawValue)\""]
            }
            lines.append("  \"\(service.name)\" [\(attributes.joined(separator: ", "))];")
        }
        for service in config.services {
            for dependency in service.dependsOn {
                let style = dependency.required ? "" : ", style=dashed"
                lines.append("  \"\(service.name)\" -> \"\(dependency.service)\" [label=\"\(dependency.condition.rawValue)\"\(style)];")
            }
        }
        return (lines + ["}"]).joined(separator: "\n") + "\n"
    }

    public var mermaid: String {
        func id(_ name: String) -> String { name.replacingHyphens }
        var lines = ["flowchart LR"]
        for service in config.services { lines.append("  \(id(service.name))[\"\(service.name)\(service.replicas > 1 ? " x\(service.replicas)" : "")\"]") }
        for service in config.services {
            for dependency in service.dependsOn {
                let arrow = dependency.required ? "-->" : "-.->"
                lines.append("  \(id(service.name)) \(arrow)|\(dependency.condition.rawValue)| \(id(dependency.service))")
            }
        }
        for state in [Live.healthy, .running, .starting, .failing, .missing] {
            let members = config.services.map(\.name).filter { live[$0] == state }
            guard !members.isEmpty, let colour = Self.colours[state] else { continue }
            lines.append("  classDef \(state.rawValue) fill:\(colour.fill),color:\(colour.text)")
            lines.append("  class \(members.map(id).joined(separator: ",")) \(state.rawValue)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

private extension String {
    /// Mermaid node ids: letters, digits and `_`.
    var replacingHyphens: String { String(map { $0 == "-" || $0 == "." ? "_" : $0 }) }
}
