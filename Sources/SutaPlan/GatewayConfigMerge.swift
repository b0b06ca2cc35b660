import SutaModel

/// The configuration to load into a DB-less Kong node: `POST /config` replaces the node's
/// whole configuration, so sutactl starts from what the node has (`GET /config`), swaps the
/// services and routes tagged as the project's for the desired ones, and keeps every other
/// entity (other owners' services and routes, plugins, consumers, upstreams, …) as it is.
/// Pure: texts in, text out, so the planner can take it over.
///
/// An owned entity that stays keeps its ID, so plugins and routes of others that point at it
/// stay valid. A name taken by an entity sutactl does not own, or an entity of another owner
/// that points at an owned service or route about to go, is a ``GatewayConfigProblem``
/// naming it: sutactl neither takes over nor breaks what is not its own.
struct GatewayConfigMerge {
    /// The tag that marks the project's entities (`IntegrationState.ownerTag`).
    let ownerTag: String

    /// The configuration text (JSON, keys sorted, entities in a stable order, so the same
    /// inputs give the same text and Kong's `check_hash` recognises it) for the node whose
    /// export is `exported` (YAML) when the project wants the services of `desired` (a
    /// declarative configuration: services with nested routes).
    func merged(exported: String, owned desired: ConfigValue) throws(GatewayConfigProblem) -> String {
        let current: ConfigValue
        do {
            current = try ConfigValue(yaml: exported, file: "GET /config")
        } catch {
            throw GatewayConfigProblem(message: "cannot read the gateway configuration: \(error)")
        }
        var document: [(String, ConfigValue)]
        switch current {
        case .object(let fields): document = fields
        case .null: document = []
        default: throw GatewayConfigProblem(message: "Kong's exported configuration is not a mapping")
        }
        let services = Self.entities(current["services"]), routes = Self.entities(current["routes"])
        let ownedServices = services.filter(isOwned), ownedRoutes = routes.filter(isOwned)
        let foreignServices = services.filter { !isOwned($0) }, foreignRoutes = routes.filter { !isOwned($0) }
        var wanted = Self.entities(desired["services"])
        let wantedRoutes = wanted.flatMap { Self.entities($0["routes"]) }

        try refuseTakeover(of: foreignServices, by: wanted, kind: "service")
        try refuseTakeover(of: foreignRoutes, by: wantedRoutes, kind: "route")
        let kept = Set(wanted.compactMap(Self.name)), keptRoutes = Set(wantedRoutes.compactMap(Self.name))
        let leaving = Dictionary((ownedServices.filter { !kept.contains(Self.name($0) ?? "") }
            + ownedRoutes.filter { !keptRoutes.contains(Self.name($0) ?? "") }).compactMap { entity in Self.id(entity).map { ($0, entity) } },
            uniquingKeysWith: { first, _ in first })
        try refuseBreaking(document, leaving: leaving)

        let serviceIDs = Self.ids(byName: ownedServices), routeIDs = Self.ids(byName: ownedRoutes)
        wanted = Self.byName(wanted).map { service in
            var service = Self.with(service, id: Self.name(service).flatMap { serviceIDs[$0] })
            let nested = Self.byName(Self.entities(service["routes"])).map { Self.with($0, id: Self.name($0).flatMap { routeIDs[$0] }) }
            service = Self.replacing("routes", in: service, with: .array(nested))
            return service
        }
        document = document.filter { $0.0 != "services" && $0.0 != "routes" }
        if !document.contains(where: { $0.0 == "_format_version" }) { document.append(("_format_version", desired["_format_version"] ?? .string("3.0"))) }
        document.append(("services", .array(Self.stable(foreignServices) + wanted)))
        if !foreignRoutes.isEmpty { document.append(("routes", .array(Self.stable(foreignRoutes)))) }
        document = document.map { key, value in
            guard case .array(let items) = value, key != "services" else { return (key, value) }
            return (key, .array(Self.stable(items)))
        }
        return ConfigValue.object(document).sortedKeys.json()
    }

    private func isOwned(_ entity: ConfigValue) -> Bool {
        guard case .array(let tags)? = entity["tags"] else { return false }
        return tags.contains(.string(ownerTag))
    }

    /// A wanted name held by an entity of another owner.
    private func refuseTakeover(of foreign: [ConfigValue], by wanted: [ConfigValue], kind: String) throws(GatewayConfigProblem) {
        let taken = Set(foreign.compactMap(Self.name))
        if let clash = wanted.compactMap(Self.name).first(where: taken.contains) {
            throw GatewayConfigProblem(message: "gateway \(kind) \(clash) already exists in Kong and is not tagged \(ownerTag): "
                + "sutactl does not take it over; rename the route or remove the other \(kind)")
        }
    }

    /// An entity of another owner (any collection) whose `service` or `route` is an owned
    /// entity that is about to be removed.
    private func refuseBreaking(_ document: [(String, ConfigValue)], leaving: [String: ConfigValue]) throws(GatewayConfigProblem) {
        guard !leaving.isEmpty else { return }
        for (collection, value) in document where !collection.hasPrefix("_") {
            for entity in Self.entities(value) where !isOwned(entity) {
                for key in ["service", "route"] {
                    guard let reference = entity[key], let id = reference.stringValue ?? reference["id"]?.stringValue,
                          let target = leaving[id] else { continue }
                    let what = Self.name(entity).map { "\(collection.dropLast()) \($0)" } ?? "\(collection.dropLast()) \(Self.id(entity) ?? "?")"
                    throw GatewayConfigProblem(message: "\(what) (not sutactl's) uses the gateway \(key) \(Self.name(target) ?? id), "
                        + "which the manifests no longer declare: remove it from Kong first, or declare the \(key) again")
                }
            }
        }
    }

    private static func entities(_ value: ConfigValue?) -> [ConfigValue] {
        if case .array(let items)? = value { return items }
        return []
    }

    private static func name(_ entity: ConfigValue) -> String? { entity["name"]?.stringValue }
    private static func id(_ entity: ConfigValue) -> String? { entity["id"]?.stringValue }

    private static func ids(byName entities: [ConfigValue]) -> [String: String] {
        Dictionary(entities.compactMap { entity in name(entity).flatMap { name in id(entity).map { (name, $0) } } }, uniquingKeysWith: { first, _ in first })
    }

    private static func with(_ entity: ConfigValue, id: String?) -> ConfigValue {
        guard let id else { return entity }
        return replacing("id", in: entity, with: .string(id))
    }

    private static func replacing(_ key: String, in entity: ConfigValue, with value: ConfigValue) -> ConfigValue {
        guard case .object(var fields) = entity else { return entity }
        fields.removeAll { $0.0 == key }
        fields.append((key, value))
        return .object(fields)
    }

    private static func byName(_ entities: [ConfigValue]) -> [ConfigValue] {
        entities.sorted { (name($0) ?? "") < (name($1) ?? "") }
    }

    /// Entities in an order that does not depend on how Kong listed them: by ID.
    private static func stable(_ entities: [ConfigValue]) -> [ConfigValue] {
        entities.sorted { (id($0) ?? name($0) ?? "") < (id($1) ?? name($1) ?? "") }
    }
}
