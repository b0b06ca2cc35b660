import Foundation

extension KongStandInStore {
    /// The top-level collections a declarative configuration may hold besides services and
    /// routes; the stand-in keeps their entities as given (with an `id`) and exports them.
    static let otherCollections: Set<String> = [
        "plugins", "consumers", "upstreams", "targets", "certificates", "snis", "ca_certificates", "vaults", "keys", "key_sets",
        "acls", "basicauth_credentials", "keyauth_credentials", "hmacauth_credentials", "jwt_secrets", "oauth2_credentials",
        "mtls_auth_credentials",
    ]

    /// `POST /config` as `kong/api/routes/config.lua` answers it. Only a configuration sent
    /// as text (a string `config` field, or a body that is not a JSON object with
    /// `_format_version`) has a hash before it is parsed: the MD5 of that text. With
    /// `check_hash=1` and that hash equal to the loaded one the answer is 304 and nothing is
    /// reloaded. A configuration sent as a JSON object is hashed only after parsing (the
    /// MD5 of its flattened entities), so it is always reloaded. Loading replaces the node's
    /// whole configuration (201 with the loaded entities by collection and ID).
    mutating func loadConfig(_ request: StandInRequest) throws(StandInResponse) -> StandInResponse {
        guard mode == .dbless else {
            throw .json(400, ["message": "this endpoint is only available when Kong is configured to not use a database"])
        }
        let isJSON = request.header("Content-Type")?.lowercased().hasPrefix("application/json") ?? false
        let (table, textHash) = try Self.declarativeInput(request.body, isJSON: isJSON)
        if request.query["check_hash"] == "1", let textHash, textHash == configurationHash {
            return StandInResponse(status: 304)
        }
        var loaded = KongStandInStore(mode: mode, pageSize: pageSize, absoluteNextLinks: absoluteNextLinks)
        loaded.lastID = lastID
        try loaded.load(table)
        lastID = loaded.lastID
        services = loaded.services
        routes = loaded.routes
        otherEntities = loaded.otherEntities
        configurationHash = textHash ?? StandInMD5.hex(exportDocument().bytes)
        var entities: [String: StandInJSON] = [:]
        for (collection, rows) in exportCollections() {
            entities[collection] = .object(Dictionary(rows.map { ($0["id"]?.string ?? "", $0) }) { first, _ in first })
        }
        return .json(201, .object(entities))
    }

    /// `GET /config`: `{"config": "<YAML>"}` (block style, as lyaml writes it), the loaded
    /// configuration flattened (routes,
    /// plugins and targets name their service, route, consumer or upstream by ID), with
    /// `_format_version: "3.0"` and `_transform: false`.
    func exportConfig() throws(StandInResponse) -> StandInResponse {
        guard mode == .dbless else {
            throw .json(400, ["message": "this endpoint is only available when Kong is configured to not use a database"])
        }
        return .json(200, ["config": .string(exportDocument().configValue.yaml())])
    }

    private func exportDocument() -> StandInJSON {
        var document: [String: StandInJSON] = ["_format_version": "3.0", "_transform": false]
        for (collection, rows) in exportCollections() { document[collection] = .array(rows) }
        return .object(document)
    }

    /// Every non-empty collection, foreign keys written as bare IDs.
    private func exportCollections() -> [(String, [StandInJSON])] {
        func flattened(_ row: StandInJSON) -> StandInJSON {
            guard var members = row.object else { return row }
            for key in ["service", "route", "consumer", "upstream"] {
                if let id = members[key]?["id"] { members[key] = id }
            }
            return .object(members)
        }
        let byName = { (rows: [String: StandInJSON]) in rows.keys.sorted().map { flattened(rows[$0]!) } }
        let all = [("services", byName(services)), ("routes", byName(routes))]
            + otherEntities.keys.sorted().map { ($0, otherEntities[$0]!.map(flattened)) }
        return all.filter { !$0.1.isEmpty }
    }

    /// The configuration table of a `POST /config` body and, when it came as text, the MD5
    /// of that text (`hydrate_config_from_request`). Only a JSON body (`isJSON`) becomes
    /// request parameters: `_format_version` there is the configuration itself, `config` its
    /// text; any other body is the text.
    private static func declarativeInput(_ body: [UInt8], isJSON: Bool) throws(StandInResponse) -> ([String: StandInJSON], String?) {
        guard !body.isEmpty else { throw .json(400, ["message": "expected a declarative configuration"]) }
        var text = body
        if isJSON, let object = StandInJSON.parse(body)?.object {
            if object["_format_version"] != nil { return (object, nil) }
            if let config = object["config"] {
                guard let string = config.string else { throw KongStandInError.invalidConfig("{error=\"failed parsing declarative configuration: expected a string\"}") }
                text = Array(string.utf8)
            }
        }
        guard let table = StandInJSON.parse(text)?.object else {
            throw KongStandInError.invalidConfig("{error=\"failed parsing declarative configuration (the stand-in reads JSON text only)\"}")
        }
        return (table, StandInMD5.hex(text))
    }

    /// Fills an empty store from a configuration table: services (with nested routes and
    /// plugins), then routes (naming their service by ID or name), then the other collections.
    private mutating func load(_ table: [String: StandInJSON]) throws(StandInResponse) {
        guard let version = table["_format_version"]?.string, ["1.1", "2.1", "3.0"].contains(version) else {
            throw KongStandInError.invalidConfig("{_format_version=\"expected one of: 1.1, 2.1, 3.0\"}")
        }
        for key in table.keys.sorted() where !key.hasPrefix("_") && !["services", "routes"].contains(key) && !Self.otherCollections.contains(key) {
            throw KongStandInError.invalidConfig("{\(key)=\"unknown field\"}")
        }
        for service in table["services"]?.array ?? [] {
            guard var fields = service.object, let name = fields["name"]?.string else {
                throw KongStandInError.invalidConfig("{services={{name=\"required field missing (stand-in)\"}}}")
            }
            guard services[name] == nil else {
                throw KongStandInError.invalidConfig("{services={{name=\"uniqueness violation: 'services' entity with name set to '\(name)' already declared\"}}}")
            }
            let nestedRoutes = fields.removeValue(forKey: "routes")?.array ?? []
            let nestedPlugins = fields.removeValue(forKey: "plugins")?.array ?? []
            let id = fields["id"]?.string ?? newID()
            try Self.declared("services", name) { () throws(StandInResponse) in
                services[name] = try KongStandInSchema.service(fields, name: name, id: id, createdAt: fields["created_at"])
            }
            for route in nestedRoutes { try addRoute(route, serviceID: id) }
            for plugin in nestedPlugins { try addOther("plugins", plugin, parent: ("service", id)) }
        }
        for route in table["routes"]?.array ?? [] {
            guard let reference = route["service"], reference != .null else { try addRoute(route, serviceID: nil); continue }
            let key = reference.string ?? reference["id"]?.string ?? reference["name"]?.string ?? ""
            guard let service = services[key] ?? services.values.first(where: { $0["id"]?.string == key }) else {
                throw KongStandInError.invalidConfig("{routes={{service=\"could not find services with primary or endpoint key '\(key)'\"}}}")
            }
            try addRoute(route, serviceID: service["id"]?.string)
        }
        for collection in Self.otherCollections.sorted() {
            for entity in table[collection]?.array ?? [] { try addOther(collection, entity, parent: nil) }
        }
    }

    private mutating func addRoute(_ route: StandInJSON, serviceID: String?) throws(StandInResponse) {
        guard var fields = route.object, let name = fields["name"]?.string else {
            throw KongStandInError.invalidConfig("{routes={{name=\"required field missing (stand-in)\"}}}")
        }
        guard routes[name] == nil else {
            throw KongStandInError.invalidConfig("{routes={{name=\"uniqueness violation: 'routes' entity with name set to '\(name)' already declared\"}}}")
        }
        fields["service"] = nil
        let nestedPlugins = fields.removeValue(forKey: "plugins")?.array ?? []
        let id = fields["id"]?.string ?? newID()
        try Self.declared("routes", name) { () throws(StandInResponse) in
            routes[name] = try KongStandInSchema.route(fields, name: name, id: id, serviceID: serviceID, createdAt: fields["created_at"])
        }
        for plugin in nestedPlugins { try addOther("plugins", plugin, parent: ("route", id)) }
    }

    /// Keeps an entity of another collection as given, with an `id`; a consumer's nested
    /// plugins and an upstream's nested targets become entities of their own.
    private mutating func addOther(_ collection: String, _ entity: StandInJSON, parent: (key: String, id: String)?) throws(StandInResponse) {
        guard var fields = entity.object else { throw KongStandInError.invalidConfig("{\(collection)={\"expected a record\"}}") }
        if let parent { fields[parent.key] = ["id": .string(parent.id)] }
        for key in ["service", "route", "consumer", "upstream"] {
            if let id = fields[key]?.string { fields[key] = ["id": .string(id)] }
        }
        let id = fields["id"]?.string ?? newID()
        fields["id"] = .string(id)
        let child: (collection: String, parentKey: String)? = switch collection {
        case "consumers": ("plugins", "consumer")
        case "upstreams": ("targets", "upstream")
        default: nil
        }
        let children = child.flatMap { fields.removeValue(forKey: $0.collection)?.array } ?? []
        otherEntities[collection, default: []].append(.object(fields))
        if let child {
            for item in children { try addOther(child.collection, item, parent: (child.parentKey, id)) }
        }
    }

    /// Runs `body`, turning its schema violation into Kong's declarative error for the
    /// entity `name` of `collection`.
    private static func declared(_ collection: String, _ name: String, _ body: () throws(StandInResponse) -> Void) throws(StandInResponse) {
        do {
            try body()
        } catch {
            guard error.status == 400, let message = StandInJSON.parse(error.body)?["message"]?.string else { throw error }
            throw KongStandInError.invalidConfig("{\(collection)={\(name)=\"\(message)\"}}")
        }
    }
}
