import SutaYAML

extension SpecReader {
    /// Service fields a swarm service cannot honour, and why.
    static let swarmRefusedFields: [(field: String, why: String)] = [
        ("security_opt", "swarm services take no security options"),
        ("supervised", "the swarm restarts and replaces tasks itself (use `restart`)"),
        ("build", "swarm nodes cannot share a built image without a registry: build it, load it on every node, name it in `image`"),
        ("gateway", "gateway routes are not mapped onto swarm services yet"),
        ("discovery", "discovery registrations are not mapped onto swarm services yet"),
    ]

    /// `placement: {constraints, preferences: [{spread: node.id}], max_replicas_per_node}`.
    mutating func placement(_ node: YAMLNode) -> PlacementSpec? {
        guard let f = fields(node, of: "placement", allowed: ["constraints", "preferences", "max_replicas_per_node"]) else { return nil }
        var placement = PlacementSpec(location: node.location)
        placement.constraints = f["constraints"].flatMap { stringList($0, "constraints") } ?? []
        for (index, constraint) in placement.constraints.enumerated()
        where !["==", "!="].contains(where: constraint.contains) {
            let at = f["constraints"].flatMap { n -> SourceLocation? in
                if case .sequence(let items) = n.value, index < items.count { items[index].location } else { nil }
            }
            diagnostics.error("placement constraint `\(constraint)` needs `==` or `!=`", at: at ?? node.location,
                              hint: "e.g. `node.role == worker`, `node.labels.zone != b`")
        }
        if let n = f["preferences"], let items = sequence(n, "preferences") {
            for item in items {
                guard let p = fields(item, of: "placement preference", allowed: ["spread"]) else { continue }
                if let spread = p["spread"].flatMap({ string($0, "spread") }) { placement.spread.append(spread) }
                else if p["spread"] == nil { diagnostics.error("placement preference needs `spread`", at: item.location, hint: "e.g. `spread: node.id`") }
            }
        }
        placement.maxReplicasPerNode = f["max_replicas_per_node"].flatMap { int($0, "max_replicas_per_node", in: 1...1000) }
        return placement
    }

    /// What the project's engine mode cannot honour: each an error at the field.
    mutating func checkEngineMode(_ f: MappingFields, service: ServiceSpec) {
        switch engineMode {
        case .docker:
            if let n = f["placement"] {
                diagnostics.error("`placement` needs engine mode swarm", at: n.location,
                                  hint: "set `engine: {mode: swarm}` in the Project, or run with --engine swarm")
            }
        case .swarm:
            // Only what runs is refused: a service outside the profile is never a swarm service,
            // and a profile (e.g. examples/swarm) may have adapted the fields it would refuse.
            guard activeChecks != nil else { return }
            for refused in Self.swarmRefusedFields where !inertIntegrationFields.contains(refused.field) {
                guard let n = f[refused.field] else { continue }
                // Written out as `supervised: false` and `security_opt: []` (a rollout revision, config -o manifest).
                if refused.field == "supervised", bool(n, "supervised") != true { continue }
                if refused.field == "security_opt", service.securityOptions.isEmpty { continue }
                diagnostics.error("`\(refused.field)` cannot be honoured in engine mode swarm: \(refused.why)", at: n.location)
            }
            // A loopback port is for this machine only: on a swarm it stays unpublished (never
            // widened to every address); the overlay still reaches it by service name.
            for port in service.ports where port.isLoopback {
                let reach = service.networks.isEmpty ? "" : "; the service's network reaches it as \(service.name):\(port.containerPort)"
                let published = port.hostPort.map { "0.0.0.0:\($0):\(port.containerPort)" } ?? "0.0.0.0::\(port.containerPort)"
                diagnostics.warning("port \(port.shortForm) is not published in engine mode swarm: a swarm service cannot publish on \(port.hostIP) only"
                                    + reach, at: port.location, hint: "to publish it on every address of its node, a profile can write \(published) (examples/swarm)")
            }
            for port in service.ports where !["", "0.0.0.0"].contains(port.hostIP) && !port.isLoopback {
                diagnostics.error("port \(port.shortForm): a swarm service publishes on every address of its node, not on \(port.hostIP)",
                                  at: port.location, hint: "write it as 0.0.0.0:\(port.hostPort.map(String.init) ?? ""):\(port.containerPort)")
            }
            if let first = service.ports.first(where: { !$0.isLoopback }), service.networks.isEmpty {
                diagnostics.error("a swarm service publishes ports (host mode) only from an overlay network", at: first.location,
                                  hint: "attach the service to a network")
            }
            for attachment in service.networks where attachment.ipv4Address != nil {
                diagnostics.error("swarm services get their addresses from the overlay network: `ipv4_address` cannot be honoured",
                                  at: attachment.addressLocation ?? attachment.location)
            }
        }
    }
}
