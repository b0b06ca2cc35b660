import SutaModel

/// The gateway's part of a plan: the project's services and routes as the manifests want
/// them against what the gateway holds. Database mode writes entity by entity (owned ones
/// only); DB-less mode loads one document, the node's configuration with the project's
/// entities swapped for the desired ones and everything else kept (``GatewayConfigMerge``).
struct GatewayPlanner {
    var desired: [GatewayServiceEntity]
    var mode: GatewaySettings.Mode
    var ownerTag: String
    /// The container steps of each service in this plan (a route waits for its backend).
    var serviceSteps: [String: [Int]]
    /// The container steps of the gateway's own service: every gateway step waits for them.
    var gatewaySteps: [Int] = []

    var tags: [String] { ["sutactl", ownerTag] }

    /// Adds the steps; returns what could not be planned (a name of another owner, ...).
    func plan(_ observed: ObservedGateway, into builder: inout PlanBuilder) -> [String] {
        // `entities`: the entity steps (indices here) that come first; `after`: container steps.
        var entitySteps: [(action: PlanAction, cause: String, after: [Int], entities: [Int], changes: [FieldChange])] = []
        let wantedRoutes = Set(desired.flatMap { $0.routes.map(\.name) })
        var removedRoutes: [String: [Int]] = [:]
        for route in observed.routes.sorted(by: { ($0.name ?? $0.id) < ($1.name ?? $1.id) }) where !wantedRoutes.contains(route.name ?? "") {
            removedRoutes[route.serviceID ?? "", default: []].append(entitySteps.count)
            entitySteps.append((.removeGatewayRoute(name: route.name ?? route.id, id: route.id), "no longer declared", [], [],
                                [FieldChange(path: "paths", before: route.paths.joined(separator: ","), after: nil, secret: false)]))
        }
        for service in desired.sorted(by: { $0.name < $1.name }) {
            let existing = observed.services.first { $0.name == service.name }
            let backend = serviceSteps[service.service] ?? []
            let serviceChanges = changes(of: existing, to: service)
            var serviceStep: Int?
            if existing == nil || !serviceChanges.isEmpty {
                serviceStep = entitySteps.count
                entitySteps.append((.upsertGatewayService(name: service.name, url: service.url, tags: tags, exists: existing != nil),
                                    existing == nil ? "not found" : "changed: " + serviceChanges.map(\.path).joined(separator: ", "),
                                    backend, [], serviceChanges))
            }
            for route in service.routes.sorted(by: { $0.name < $1.name }) {
                let current = observed.routes.first { $0.name == route.name }
                let routeChanges = changes(of: current, to: route, serviceID: existing?.id)
                guard current == nil || !routeChanges.isEmpty else { continue }
                entitySteps.append((.upsertGatewayRoute(route, service: service.name, tags: tags, exists: current != nil),
                                    current == nil ? "not found" : "changed: " + routeChanges.map(\.path).joined(separator: ", "),
                                    backend, serviceStep.map { [$0] } ?? [], routeChanges))
            }
        }
        let wantedServices = Set(desired.map(\.name))
        for service in observed.services.sorted(by: { ($0.name ?? $0.id) < ($1.name ?? $1.id) })
        where !wantedServices.contains(service.name ?? "") {
            // Kong refuses to delete a service that still has routes: its routes go first.
            entitySteps.append((.removeGatewayService(name: service.name ?? service.id, id: service.id), "no longer declared",
                                [], removedRoutes[service.id] ?? [], [FieldChange(path: "url", before: service.url, after: nil, secret: false)]))
        }
        guard !entitySteps.isEmpty else { return [] }
        switch mode {
        case .database:
            var ids: [Int] = []
            for step in entitySteps {
                ids.append(builder.add(step.action, cause: step.cause, after: gatewaySteps + step.after + step.entities.map { ids[$0] },
                                       changes: step.changes))
            }
            return []
        case .dbless:
            do {
                let text = try GatewayConfigMerge(ownerTag: ownerTag).merged(exported: observed.document ?? "", owned: document)
                let changes = entitySteps.flatMap { step in step.changes.map { change in
                    var change = change
                    change.path = "\(step.action.subject.dropFirst("gateway ".count)).\(change.path)"
                    return change
                } }
                let backends = desired.flatMap { serviceSteps[$0.service] ?? [] }
                builder.add(.loadGatewayConfig(text: text), cause: "\(entitySteps.count) entit\(entitySteps.count == 1 ? "y" : "ies") changed",
                            after: gatewaySteps + backends, changes: changes)
                return []
            } catch {
                return ["applying the gateway configuration failed: \(error)"]
            }
        }
    }

    /// The project's entities as a declarative configuration (format 3.0, services with
    /// nested routes), keys as Kong names them.
    var document: ConfigValue {
        .object([
            ("_format_version", .string("3.0")),
            ("services", .array(desired.map { service in
                .object([
                    ("name", .string(service.name)),
                    ("routes", .array(service.routes.map { route in
                        var fields: [(String, ConfigValue)] = [("name", .string(route.name))]
                        if !route.paths.isEmpty { fields.append(("paths", .array(route.paths.map(ConfigValue.string)))) }
                        if !route.methods.isEmpty { fields.append(("methods", .array(route.methods.map(ConfigValue.string)))) }
                        if !route.hosts.isEmpty { fields.append(("hosts", .array(route.hosts.map(ConfigValue.string)))) }
                        fields.append(("strip_path", .bool(route.stripPath)))
                        fields.append(("tags", .array(tags.map(ConfigValue.string))))
                        return .object(fields)
                    })),
                    ("tags", .array(tags.map(ConfigValue.string))),
                    ("url", .string(service.url)),
                ])
            })),
        ])
    }

    /// What differs between the gateway's service and the wanted one (a URL compared as Kong
    /// spells it out: `http://api:8000` is protocol http, host api, port 8000, no path).
    private func changes(of existing: ObservedGatewayService?, to wanted: GatewayServiceEntity) -> [FieldChange] {
        guard let existing else { return [FieldChange(path: "url", before: nil, after: wanted.url, secret: false)] }
        var changes: [FieldChange] = []
        if existing.url != Self.canonical(wanted.url) {
            changes.append(FieldChange(path: "url", before: existing.url, after: wanted.url, secret: false))
        }
        if existing.tags.sorted() != tags.sorted() {
            changes.append(FieldChange(path: "tags", before: existing.tags.sorted().joined(separator: ","), after: tags.joined(separator: ","), secret: false))
        }
        return changes
    }

    /// What differs between the gateway's route and the wanted one. Paths compare in order;
    /// methods, hosts and tags in any order.
    private func changes(of current: ObservedGatewayRoute?, to route: GatewayRoute, serviceID: String?) -> [FieldChange] {
        func list(_ values: [String]) -> String { values.isEmpty ? "[]" : values.joined(separator: ",") }
        guard let current else { return [FieldChange(path: "paths", before: nil, after: list(route.paths), secret: false)] }
        var changes: [FieldChange] = []
        func compare(_ path: String, _ before: [String], _ after: [String]) {
            if before != after { changes.append(FieldChange(path: path, before: list(before), after: list(after), secret: false)) }
        }
        compare("paths", current.paths, route.paths)
        compare("methods", current.methods.sorted(), route.methods.sorted())
        compare("hosts", current.hosts.sorted(), route.hosts.sorted())
        compare("tags", current.tags.sorted(), tags.sorted())
        if current.stripPath != route.stripPath {
            changes.append(FieldChange(path: "strip_path", before: String(current.stripPath), after: String(route.stripPath), secret: false))
        }
        if serviceID == nil || current.serviceID != serviceID {
            changes.append(FieldChange(path: "service", before: current.serviceID ?? "none", after: "(the declared service)", secret: false))
        }
        return changes
    }

    /// `http://api:8000/` -> `http://api:8000`, `http://api:80` -> `http://api`: a URL as
    /// ``ObservedGatewayService/url`` spells the same target.
    static func canonical(_ url: String) -> String {
        let parts = url.split(separator: "://", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return url }
        let scheme = parts[0].lowercased()
        var rest = parts[1]
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[slash...])
            rest = rest[..<slash]
        }
        var host = String(rest), port = scheme == "https" ? 443 : 80
        if let colon = rest.lastIndex(of: ":"), let number = Int(rest[rest.index(after: colon)...]) {
            host = String(rest[..<colon])
            port = number
        }
        let defaultPort = (scheme == "http" && port == 80) || (scheme == "https" && port == 443)
        return "\(scheme)://\(host)\(defaultPort ? "" : ":\(port)")\(path == "/" ? "" : path)"
    }
}
