import SutaModel

/// The gateway, discovery and model server part of a plan, from what they hold
/// (``ObservedIntegrations``) and the container steps already planned: each action waits for
/// the container steps of the services it concerns and of the dependency's own service.
struct IntegrationPlanner {
    var config: ResolvedConfig
    var desired: IntegrationState
    var serviceSteps: [String: [Int]]

    /// What the plan leaves for a later look, and what cannot be done.
    struct Outcome {
        var pending: [String] = []
        /// Services that must be ready before the next look can plan what is pending.
        var awaiting: [String] = []
        var problems: [String] = []
    }

    func plan(_ observed: ObservedIntegrations, into builder: inout PlanBuilder) -> Outcome {
        var outcome = Outcome()
        outcome.problems += desired.problems
        if let gateway = config.project.gateway, gateway.adminURL != nil,
           ready("gateway", "kong", service: gateway.service, observed.gateway != nil, observed, &outcome), let current = observed.gateway {
            let planner = GatewayPlanner(desired: desired.gatewayServices, mode: gateway.mode,
                                         ownerTag: IntegrationState.ownerTag(project: config.project.name), serviceSteps: serviceSteps,
                                         gatewaySteps: server(gateway.service))
            outcome.problems += planner.plan(current, into: &builder)
        }
        if let discovery = config.project.discovery, discovery.address != nil,
           ready("discovery", "consul", service: discovery.service, observed.registrations != nil, observed, &outcome),
           let registrations = observed.registrations {
            planDiscovery(registrations, after: server(discovery.service), into: &builder)
        }
        if let server = config.project.modelServer, server.url != nil, !server.models.isEmpty,
           ready("models", "ollama", service: server.service, observed.models != nil, observed, &outcome), let models = observed.models {
            planModels(server.models, observed: models, after: self.server(server.service), into: &builder, &outcome)
        }
        return outcome
    }

    /// Whether the dependency can be planned now: it is in the profile and it was read. When
    /// this plan changes its container, its steps wait for that, and the next look checks it
    /// again once it runs (a recreated DB-less gateway or dev-mode agent starts empty); when
    /// it could not be read then, it is planned by that look.
    private func ready(_ what: String, _ dependency: String, service: String?, _ read: Bool, _ observed: ObservedIntegrations,
                       _ outcome: inout Outcome) -> Bool {
        if let service {
            guard config.services.contains(where: { $0.name == service }) else { return false }
            if serviceSteps[service]?.isEmpty == false {
                outcome.pending.append(read ? "\(what): looked at again once service \(service) runs (this plan changes its container)"
                                            : "\(what): planned once service \(service) runs (this plan changes its container)")
                outcome.awaiting.append(service)
                return read
            }
        }
        if !read, let reason = observed.unreadable[dependency] { outcome.problems.append(reason) }
        return read
    }

    /// The container steps of the dependency's own service in this plan.
    private func server(_ service: String?) -> [Int] { service.flatMap { serviceSteps[$0] } ?? [] }

    private func planDiscovery(_ registered: [ObservedRegistration], after agent: [Int], into builder: inout PlanBuilder) {
        for registration in desired.registrations.sorted(by: { $0.id < $1.id }) {
            let current = registered.first { $0.id == registration.id }
            let changes = Self.changes(of: current, to: registration)
            guard current == nil || !changes.isEmpty else { continue }
            builder.add(.register(registration, exists: current != nil),
                        cause: current == nil ? "not registered" : "changed: " + changes.map(\.path).joined(separator: ", "),
                        after: agent + (serviceSteps[registration.service] ?? []), changes: changes)
        }
        let wanted = Set(desired.registrations.map(\.id))
        for stale in registered.sorted(by: { $0.id < $1.id }) where !wanted.contains(stale.id) {
            builder.add(.deregister(id: stale.id, name: stale.name), cause: "no longer declared", after: agent,
                        changes: [FieldChange(path: "port", before: String(stale.port), after: nil, secret: false)])
        }
    }

    private static func changes(of current: ObservedRegistration?, to wanted: DiscoveryRegistration) -> [FieldChange] {
        guard let current else {
            return [FieldChange(path: "name", before: nil, after: wanted.name, secret: false),
                    FieldChange(path: "address", before: nil, after: "\(wanted.address):\(wanted.port)", secret: false)]
        }
        var changes: [FieldChange] = []
        func compare(_ path: String, _ before: String, _ after: String) {
            if before != after { changes.append(FieldChange(path: path, before: before, after: after, secret: false)) }
        }
        compare("name", current.name, wanted.name)
        compare("address", "\(current.address):\(current.port)", "\(wanted.address):\(wanted.port)")
        compare("tags", current.tags.sorted().joined(separator: ","), wanted.tags.sorted().joined(separator: ","))
        for key in Set(current.meta.keys).union(wanted.meta.keys).sorted() where current.meta[key] != wanted.meta[key] {
            changes.append(FieldChange(path: "meta.\(key)", before: current.meta[key], after: wanted.meta[key], secret: false))
        }
        return changes
    }

    private func planModels(_ models: [ModelSpec], observed: [ObservedModel], after server: [Int], into builder: inout PlanBuilder,
                            _ outcome: inout Outcome) {
        for model in models {
            let current = observed.first { $0.name == model.name }
            let keepAlive = model.keepAlive ?? "5m"
            guard current?.present == true else {
                builder.add(.pullModel(name: model.name), cause: "not on the model server", after: server)
                if ModelPreload.isNeeded(model, loaded: false) {
                    outcome.pending.append("model \(model.name): preloaded once pulled (what it can do decides how)")
                }
                continue
            }
            guard ModelPreload.isNeeded(model, loaded: current?.loaded ?? false) else { continue }
            let capabilities = current?.capabilities ?? []
            guard let method = ModelPreload.method(capabilities: capabilities) else {
                outcome.problems.append("preloading \(model.name) skipped: the server says it can do \(capabilities.joined(separator: ", ")), "
                    + "neither generate (completion) nor embed (embedding)")
                continue
            }
            builder.add(.preloadModel(name: model.name, method: method, keepAlive: keepAlive),
                        cause: "not loaded (keep_alive \(keepAlive), through \(method == .generate ? "generate" : "embed"))", after: server)
        }
    }
}
