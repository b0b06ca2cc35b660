import Foundation

/// What a ``KongStandIn`` knows, and how it answers a request: plain values in, a response
/// out (the stand-in holds it under a lock). Services and routes are kept by name; the
/// declarative configuration's other entities by collection (`KongStandInStore+Config`).
struct KongStandInStore: Sendable {
    /// The entity collections the stand-in serves.
    static let collections: Set<String> = ["services", "routes"]

    let mode: KongStandIn.Mode
    let pageSize: Int
    let absoluteNextLinks: Bool
    /// The hash of the loaded declarative configuration; all zeros before the first.
    var configurationHash = String(repeating: "0", count: 32)
    /// Stored services by name, as Kong returns them.
    var services: [String: StandInJSON] = [:]
    /// Stored routes by name, as Kong returns them.
    var routes: [String: StandInJSON] = [:]
    /// The entities of the other collections a declarative configuration loaded (plugins,
    /// consumers, upstreams, targets, …), flattened, in the order they came, by collection.
    var otherEntities: [String: [StandInJSON]] = [:]
    private var requestCount = 0
    var lastID = 0

    init(mode: KongStandIn.Mode, pageSize: Int, absoluteNextLinks: Bool) {
        self.mode = mode
        self.pageSize = max(1, pageSize)
        self.absoluteNextLinks = absoluteNextLinks
    }

    /// The answer to `request`, after whatever it changes.
    mutating func handle(_ request: StandInRequest) -> StandInResponse {
        requestCount += 1
        let segments = request.path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        do {
            switch (request.method, segments.count) {
            case ("GET", 1) where segments[0] == "status":
                return status()
            case ("POST", 1) where segments[0] == "config":
                return try loadConfig(request)
            case ("GET", 1) where segments[0] == "config":
                return try exportConfig()
            case (_, 1) where Self.collections.contains(segments[0]):
                return try collectionRequest(request.method, segments[0], request)
            case (_, 2) where Self.collections.contains(segments[0]):
                return try entityRequest(request.method, segments[0], key: segments[1], request)
            default:
                return KongStandInError.notFound
            }
        } catch {
            return error
        }
    }

    // MARK: Status

    private func status() -> StandInResponse {
        var body: StandInJSON = [
            "server": [
                "connections_active": 1, "connections_accepted": .int(requestCount), "connections_handled": .int(requestCount),
                "connections_reading": 0, "connections_writing": 1, "connections_waiting": 0, "total_requests": .int(requestCount),
            ],
            "memory": ["workers_lua_vms": [], "lua_shared_dicts": [:]],
        ]
        switch mode {
        case .dbless: body["configuration_hash"] = .string(configurationHash)
        case .database: body["database"] = ["reachable": true]
        }
        return .json(200, body)
    }

    // MARK: Collections and entities

    private mutating func collectionRequest(_ method: String, _ collection: String, _ request: StandInRequest) throws(StandInResponse) -> StandInResponse {
        switch method {
        case "GET":
            return try list(collection, query: request.query)
        case "POST":
            guard mode == .database else { throw KongStandInError.unsupported("create", collection) }
            let body = try KongStandInError.object(request.body)
            guard let name = body["name"]?.string else { throw KongStandInError.schemaViolation(["name": "required field missing"]) }
            guard self[collection][name] == nil else { throw KongStandInError.uniqueViolation(name) }
            let entity = try makeEntity(collection, body, name: name, id: newID())
            self[collection][name] = entity
            return .json(201, entity)
        default:
            return KongStandInError.methodNotAllowed
        }
    }

    private mutating func entityRequest(_ method: String, _ collection: String, key: String, _ request: StandInRequest) throws(StandInResponse) -> StandInResponse {
        let existing = lookup(collection, key)
        switch method {
        case "GET":
            guard let existing else { return KongStandInError.notFound }
            return .json(200, existing)
        case "PUT":
            guard mode == .database else { throw KongStandInError.unsupported("create or update", collection) }
            let body = try KongStandInError.object(request.body)
            let name = existing?["name"]?.string ?? key
            let entity = try makeEntity(collection, body, name: name, id: existing?["id"]?.string ?? newID(), createdAt: existing?["created_at"])
            self[collection][name] = entity
            return .json(200, entity)
        case "DELETE":
            guard mode == .database else { throw KongStandInError.unsupported("delete", collection) }
            guard let existing, let name = existing["name"]?.string else { return StandInResponse(status: 204) }
            if collection == "services", routes.values.contains(where: { $0["service"]?["id"] == existing["id"] }) {
                throw KongStandInError.error(400, code: 4, "an existing 'routes' entity references this 'services' entity", fields: ["@referenced_by": "routes"])
            }
            self[collection][name] = nil
            return StandInResponse(status: 204)
        default:
            guard mode == .database else { throw KongStandInError.unsupported("update", collection) }
            return KongStandInError.methodNotAllowed
        }
    }

    /// The entity of `collection` whose name or ID is `key`.
    private func lookup(_ collection: String, _ key: String) -> StandInJSON? {
        self[collection][key] ?? self[collection].values.first { $0["id"]?.string == key }
    }

    /// One page of `collection`, filtered by `tags` (`a,b` all of them, `a/b` any), sorted by
    /// name; the offset is the base64 name of the page's first entity.
    private func list(_ collection: String, query: [String: String]) throws(StandInResponse) -> StandInResponse {
        var size = pageSize
        if let text = query["size"] {
            guard let value = Int(text), (1...1000).contains(value) else {
                throw KongStandInError.error(400, code: 9, "size must be an integer between 1 and 1000")
            }
            size = value
        }
        var matching = self[collection].values.sorted { ($0["name"]?.string ?? "") < ($1["name"]?.string ?? "") }
        if let tags = query["tags"] {
            guard !(tags.contains(",") && tags.contains("/")) else { throw KongStandInError.error(400, code: 11, "invalid option (tags: invalid filter syntax)") }
            let any = tags.contains("/")
            let wanted = tags.split(whereSeparator: { $0 == "," || $0 == "/" }).map(String.init)
            guard wanted.count <= 5 else { throw KongStandInError.error(400, code: 11, "invalid option (tags: cannot query more than 5 tags)") }
            matching = matching.filter { entity in
                let tags = entity["tags"]?.strings ?? []
                return any ? wanted.contains(where: tags.contains) : wanted.allSatisfy(tags.contains)
            }
        }
        var start = 0
        if let offset = query["offset"] {
            guard let data = Data(base64Encoded: offset), let first = String(data: data, encoding: .utf8) else {
                throw KongStandInError.error(400, code: 7, "'\(offset)' is not a valid offset: bad base64 encoding")
            }
            start = matching.firstIndex { ($0["name"]?.string ?? "") >= first } ?? matching.count
        }
        let end = min(start + size, matching.count)
        var body: StandInJSON = ["data": .array(Array(matching[start..<end])), "next": nil]
        if end < matching.count, let name = matching[end]["name"]?.string {
            let offset = Data(name.utf8).base64EncodedString()
            var next = "/\(collection)?offset=\(Self.encode(offset))&size=\(size)"
            if let tags = query["tags"] { next += "&tags=\(Self.encode(tags))" }
            body["next"] = .string(absoluteNextLinks ? "http://localhost:8001" + next : next)
            body["offset"] = .string(offset)
        }
        return .json(200, body)
    }

    /// `body` as the stored entity of `collection` called `name`, or the 400 Kong answers.
    /// A route's `service` (`{"name":…}` or `{"id":…}`) must name a stored service.
    private func makeEntity(_ collection: String, _ body: [String: StandInJSON], name: String, id: String, createdAt: StandInJSON? = nil) throws(StandInResponse) -> StandInJSON {
        guard collection == "routes" else { return try KongStandInSchema.service(body, name: name, id: id, createdAt: createdAt) }
        var serviceID: String?
        switch body["service"] {
        case nil, .null?:
            serviceID = nil
        case let reference?:
            if let serviceName = reference["name"]?.string {
                guard let service = services[serviceName] else {
                    let problem = "the foreign key cannot be resolved with '{name=\"\(serviceName)\"}' for an existing 'services' entity"
                    throw KongStandInError.error(400, code: 13, "foreign key unresolved (service.name: \(problem))", fields: ["service": ["name": .string(problem)]])
                }
                serviceID = service["id"]?.string
            } else if let id = reference["id"]?.string, services.values.contains(where: { $0["id"]?.string == id }) {
                serviceID = id
            } else {
                throw KongStandInError.error(400, code: 4, "the foreign key '\(reference.jsonText)' does not reference an existing 'services' entity.", fields: ["service": reference])
            }
        }
        var fields = body
        fields["service"] = nil
        return try KongStandInSchema.route(fields, name: name, id: id, serviceID: serviceID, createdAt: createdAt)
    }

    mutating func newID() -> String {
        lastID += 1
        return String(format: "00000000-0000-4000-8000-%012d", lastID)
    }

    /// The services or the routes.
    private subscript(collection: String) -> [String: StandInJSON] {
        get { collection == "services" ? services : routes }
        set {
            if collection == "services" { services = newValue } else { routes = newValue }
        }
    }

    /// `text` percent-encoded as a query value.
    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }
}
