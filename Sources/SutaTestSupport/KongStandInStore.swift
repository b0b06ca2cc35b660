import Foundation

/// What a ``KongStandIn`` knows, and how it answers a request: plain values in, a response
/// out (the stand-in holds it under a lock). Services and routes are kept by name.
struct KongStandInStore: Sendable {
    /// The entity collections the stand-in serves.
    static let collections: Set<String> = ["services", "routes"]

    let mode: KongStandIn.Mode
    let pageSize: Int
    let absoluteNextLinks: Bool
    /// The hash of the loaded declarative configuration; all zeros before the first.
    private(set) var configurationHash = String(repeating: "0", count: 32)
    /// Stored services by name, as Kong returns them.
    private var services: [String: StandInJSON] = [:]
    /// Stored routes by name, as Kong returns them.
    private var routes: [String: StandInJSON] = [:]
    private var requestCount = 0
    private var lastID = 0

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
            case (_, 1) where Self.collections.contains(segments[0]):
                return try collectionRequest(request.method, segments[0], request)
            case (_, 2) where Self.collections.contains(segments[0]):
                return try entityRequest(request.method, segments[0], key: segments[1], request)
            default:
                return Self.notFound
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
            guard mode == .database else { throw Self.unsupported("create", collection) }
            let body = try Self.object(request.body)
            guard let name = body["name"]?.string else { throw Self.schemaViolation(["name": "required field missing"]) }
            guard self[collection][name] == nil else { throw Self.uniqueViolation(name) }
            let entity = try makeEntity(collection, body, name: name, id: newID())
            self[collection][name] = entity
            return .json(201, entity)
        default:
            return Self.methodNotAllowed
        }
    }

    private mutating func entityRequest(_ method: String, _ collection: String, key: String, _ request: StandInRequest) throws(StandInResponse) -> StandInResponse {
        let existing = lookup(collection, key)
        switch method {
        case "GET":
            guard let existing else { return Self.notFound }
            return .json(200, existing)
        case "PUT":
            guard mode == .database else { throw Self.unsupported("create or update", collection) }
            let body = try Self.object(request.body)
            let name = existing?["name"]?.string ?? key
            let entity = try makeEntity(collection, body, name: name, id: existing?["id"]?.string ?? newID(), createdAt: existing?["created_at"])
            self[collection][name] = entity
            return .json(200, entity)
        case "DELETE":
            guard mode == .database else { throw Self.unsupported("delete", collection) }
            guard let existing, let name = existing["name"]?.string else { return StandInResponse(status: 204) }
            if collection == "services", routes.values.contains(where: { $0["service"]?["id"] == existing["id"] }) {
                throw Self.error(400, code: 4, "an existing 'routes' entity references this 'services' entity", fields: ["@referenced_by": "routes"])
            }
            self[collection][name] = nil
            return StandInResponse(status: 204)
        default:
            guard mode == .database else { throw Self.unsupported("update", collection) }
            return Self.methodNotAllowed
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
                throw Self.error(400, code: 9, "size must be an integer between 1 and 1000")
            }
            size = value
        }
        var matching = self[collection].values.sorted { ($0["name"]?.string ?? "") < ($1["name"]?.string ?? "") }
        if let tags = query["tags"] {
            guard !(tags.contains(",") && tags.contains("/")) else { throw Self.error(400, code: 11, "invalid option (tags: invalid filter syntax)") }
            let any = tags.contains("/")
            let wanted = tags.split(whereSeparator: { $0 == "," || $0 == "/" }).map(String.init)
            guard wanted.count <= 5 else { throw Self.error(400, code: 11, "invalid option (tags: cannot query more than 5 tags)") }
            matching = matching.filter { entity in
                let tags = entity["tags"]?.strings ?? []
                return any ? wanted.contains(where: tags.contains) : wanted.allSatisfy(tags.contains)
            }
        }
        var start = 0
        if let offset = query["offset"] {
            guard let data = Data(base64Encoded: offset), let first = String(data: data, encoding: .utf8) else {
                throw Self.error(400, code: 7, "'\(offset)' is not a valid offset: bad base64 encoding")
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
        guard collection == "routes" else { return try Self.service(body, name: name, id: id, createdAt: createdAt) }
        var serviceID: String?
        switch body["service"] {
        case nil, .null?:
            serviceID = nil
        case let reference?:
            if let serviceName = reference["name"]?.string {
                guard let service = services[serviceName] else {
                    let problem = "the foreign key cannot be resolved with '{name=\"\(serviceName)\"}' for an existing 'services' entity"
                    throw Self.error(400, code: 13, "foreign key unresolved (service.name: \(problem))", fields: ["service": ["name": .string(problem)]])
                }
                serviceID = service["id"]?.string
            } else if let id = reference["id"]?.string, services.values.contains(where: { $0["id"]?.string == id }) {
                serviceID = id
            } else {
                throw Self.error(400, code: 4, "the foreign key '\(reference.jsonText)' does not reference an existing 'services' entity.", fields: ["service": reference])
            }
        }
        var fields = body
        fields["service"] = nil
        return try Self.route(fields, name: name, id: id, serviceID: serviceID, createdAt: createdAt)
    }

    private mutating func newID() -> String {
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

    // MARK: Declarative configuration

    /// `POST /config`: 304 when `check_hash=1` and the hash is unchanged, else replaces every
    /// service and route with the configuration's (201).
    private mutating func loadConfig(_ request: StandInRequest) throws(StandInResponse) -> StandInResponse {
        guard mode == .dbless else {
            throw .json(400, ["message": "this endpoint is only available when Kong is configured to not use a database"])
        }
        guard !request.body.isEmpty else { throw .json(400, ["message": "expected a declarative configuration"]) }
        var config = try Self.object(request.body)
        if let text = config["config"]?.string {
            guard let inner = StandInJSON.parse(Array(text.utf8))?.object else {
                throw Self.invalidConfig("the stand-in reads JSON configurations only")
            }
            config = inner
        }
        guard let version = config["_format_version"]?.string, ["1.1", "2.1", "3.0"].contains(version) else {
            throw Self.invalidConfig("{_format_version=\"expected one of: 1.1, 2.1, 3.0\"}")
        }
        for key in config.keys where !["_format_version", "_transform", "_comment", "services"].contains(key) {
            throw Self.invalidConfig("{\(key)=\"not supported by the stand-in\"}")
        }
        let hash = Self.hash(StandInJSON.object(config).bytes)
        if request.query["check_hash"] == "1", hash == configurationHash {
            return StandInResponse(status: 304)
        }
        var loaded = KongStandInStore(mode: mode, pageSize: pageSize, absoluteNextLinks: absoluteNextLinks)
        loaded.lastID = lastID
        for service in config["services"]?.array ?? [] {
            guard var fields = service.object, let name = fields["name"]?.string else {
                throw Self.invalidConfig("{services={{name=\"required field missing (stand-in)\"}}}")
            }
            guard loaded.services[name] == nil else {
                throw Self.invalidConfig("{services={{name=\"uniqueness violation: 'services' entity with name set to '\(name)' already declared\"}}}")
            }
            let nested = fields["routes"]?.array ?? []
            fields["routes"] = nil
            let serviceID = loaded.newID()
            do throws(StandInResponse) {
                loaded.services[name] = try Self.service(fields, name: name, id: serviceID, createdAt: nil)
                for route in nested {
                    guard let routeFields = route.object, let routeName = routeFields["name"]?.string else {
                        throw Self.invalidConfig("{routes={{name=\"required field missing (stand-in)\"}}}")
                    }
                    guard loaded.routes[routeName] == nil else {
                        throw Self.invalidConfig("{routes={{name=\"uniqueness violation: 'routes' entity with name set to '\(routeName)' already declared\"}}}")
                    }
                    loaded.routes[routeName] = try Self.route(routeFields, name: routeName, id: loaded.newID(), serviceID: serviceID, createdAt: nil)
                }
            } catch {
                guard error.status == 400, let message = StandInJSON.parse(error.body)?["message"]?.string, !message.hasPrefix("declarative") else { throw error }
                throw Self.invalidConfig("{services={\(name)=\"\(message)\"}}")
            }
        }
        lastID = loaded.lastID
        services = loaded.services
        routes = loaded.routes
        configurationHash = hash
        return .json(201, ["services": .array(services.values.sorted { $0.jsonText < $1.jsonText }), "routes": .array(routes.values.sorted { $0.jsonText < $1.jsonText })])
    }

    /// A 32-hex-digit hash of `bytes` (two FNV-1a 64 runs; Kong uses MD5 — only equality
    /// matters here).
    private static func hash(_ bytes: [UInt8]) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            bytes.reduce(seed) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        }
        let parts = [fnv(0xCBF2_9CE4_8422_2325), fnv(0x8422_2325_CBF2_9CE4)]
        return parts.map { String(format: "%016llx", $0) }.joined()
    }

    // MARK: Entities

    /// `body` as a stored service, with `url` spelled out; 400 schema violation when a field
    /// is wrong or `host` is missing.
    private static func service(_ body: [String: StandInJSON], name: String, id: String, createdAt: StandInJSON?) throws(StandInResponse) -> StandInJSON {
        var problems = unknownFields(body, allowed: ["name", "url", "protocol", "host", "port", "path", "tags", "retries",
                                                      "connect_timeout", "read_timeout", "write_timeout", "enabled"])
        var scheme = body["protocol"]?.string ?? "http"
        var host = body["host"]?.string
        var port = body["port"]?.int ?? 80
        var path = body["path"]?.string
        if let url = body["url"] {
            if let parts = url.string.flatMap(URLComponents.init(string:)), let urlScheme = parts.scheme, let urlHost = parts.host {
                scheme = urlScheme
                host = urlHost
                port = parts.port ?? (urlScheme == "https" ? 443 : 80)
                path = parts.path.isEmpty ? nil : parts.path
            } else {
                problems["url"] = "missing host in url"
            }
        }
        if host == nil, problems["url"] == nil { problems["host"] = "required field missing" }
        if !["http", "https", "grpc", "grpcs", "tcp", "tls", "udp"].contains(scheme) {
            problems["protocol"] = "expected one of: grpc, grpcs, http, https, tcp, tls, tls_passthrough, udp, ws, wss"
        }
        if let value = body["port"], value.int == nil { problems["port"] = "expected an integer" }
        if let path, !path.hasPrefix("/") { problems["path"] = "should start with: /" }
        let tags = try tagList(body, &problems)
        guard problems.isEmpty else { throw schemaViolation(problems) }
        return [
            "id": .string(id), "name": .string(name), "protocol": .string(scheme), "host": .string(host ?? ""), "port": .int(port),
            "path": path.map(StandInJSON.string) ?? nil, "tags": tags, "retries": 5, "connect_timeout": 60000,
            "read_timeout": 60000, "write_timeout": 60000, "enabled": true, "created_at": createdAt ?? 1_700_000_000,
            "updated_at": 1_700_000_000,
        ]
    }

    /// `body` (without `service`) as a stored route of the service `serviceID`; 400 schema
    /// violation when a field is wrong or it matches nothing.
    private static func route(_ body: [String: StandInJSON], name: String, id: String, serviceID: String?, createdAt: StandInJSON?) throws(StandInResponse) -> StandInJSON {
        var problems = unknownFields(body, allowed: ["name", "paths", "methods", "hosts", "strip_path", "preserve_host", "protocols", "tags"])
        var lists: [String: StandInJSON] = [:]
        for field in ["paths", "methods", "hosts"] {
            switch body[field] {
            case nil, .null?: lists[field] = nil
            case let value?:
                guard let strings = value.strings else {
                    problems[field] = "expected an array"
                    continue
                }
                lists[field] = strings.isEmpty ? nil : value
            }
        }
        if let paths = lists["paths"]?.strings, let bad = paths.firstIndex(where: { !$0.hasPrefix("/") && !$0.hasPrefix("~") }) {
            problems["paths.\(bad + 1)"] = "should start with: / (fixed path) or ~/ (regex path)"
        }
        if lists.isEmpty, problems.isEmpty {
            problems["@entity"] = "must set one of 'methods', 'hosts', 'headers', 'paths', 'snis' when 'protocols' is 'https'"
        }
        if let value = body["strip_path"], value.bool == nil { problems["strip_path"] = "expected a boolean" }
        let tags = try tagList(body, &problems)
        guard problems.isEmpty else { throw schemaViolation(problems) }
        return [
            "id": .string(id), "name": .string(name), "paths": lists["paths"] ?? nil, "methods": lists["methods"] ?? nil,
            "hosts": lists["hosts"] ?? nil, "strip_path": .bool(body["strip_path"]?.bool ?? true), "preserve_host": false,
            "protocols": ["http", "https"], "service": serviceID.map { ["id": .string($0)] } ?? nil, "tags": tags,
            "created_at": createdAt ?? 1_700_000_000, "updated_at": 1_700_000_000,
        ]
    }

    /// The `tags` of `body` (`null` when there are none); a problem when they are not strings
    /// without `,`, `/` or spaces.
    private static func tagList(_ body: [String: StandInJSON], _ problems: inout [String: String]) throws(StandInResponse) -> StandInJSON {
        guard let value = body["tags"], value != .null else { return nil }
        guard let tags = value.strings, tags.allSatisfy({ !$0.isEmpty && !$0.contains(where: { $0 == "," || $0 == "/" || $0 == " " }) }) else {
            problems["tags"] = "expected printable ascii (except `,` and `/`) or valid utf-8 sequences"
            return nil
        }
        return tags.isEmpty ? nil : value
    }

    private static func unknownFields(_ body: [String: StandInJSON], allowed: Set<String>) -> [String: String] {
        Dictionary(uniqueKeysWithValues: body.keys.filter { !allowed.contains($0) }.map { ($0, "unknown field") })
    }

    // MARK: Kong's answers

    private static let notFound = StandInResponse.json(404, ["message": "Not found"])
    private static let methodNotAllowed = StandInResponse.json(405, ["message": "Method not allowed"])

    /// A Kong error body: `{"code":…, "name":…, "message":…, "fields":…}`.
    private static func error(_ status: Int, code: Int, _ message: String, fields: StandInJSON? = nil) -> StandInResponse {
        let names = [2: "schema violation", 4: "foreign key violation", 5: "unique constraint violation", 7: "invalid offset",
                     9: "invalid size", 11: "invalid options", 12: "operation unsupported", 13: "foreign keys unresolved",
                     14: "invalid declarative configuration"]
        var body: StandInJSON = ["code": .int(code), "name": .string(names[code] ?? "error"), "message": .string(message)]
        if let fields { body["fields"] = fields }
        return .json(status, body)
    }

    /// 405 for an entity write on a DB-less node.
    private static func unsupported(_ action: String, _ collection: String) -> StandInResponse {
        error(405, code: 12, "cannot \(action) '\(collection)' entities when not using a database")
    }

    /// 409: `UNIQUE violation detected on '{name="api"}'`.
    private static func uniqueViolation(_ name: String) -> StandInResponse {
        error(409, code: 5, "UNIQUE violation detected on '{name=\"\(name)\"}'", fields: ["name": .string(name)])
    }

    /// 400 with Kong's message: `schema violation (host: required field missing)`, or
    /// `N schema violations (a: …; b: …)`; entity-wide problems come first, unprefixed.
    private static func schemaViolation(_ problems: [String: String]) -> StandInResponse {
        let entity = problems["@entity"].map { [$0] } ?? []
        let lines = entity + problems.filter { $0.key != "@entity" }.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        let message = lines.count == 1 ? "schema violation (\(lines[0]))" : "\(lines.count) schema violations (\(lines.joined(separator: "; ")))"
        return error(400, code: 2, message, fields: .object(problems.mapValues(StandInJSON.string)))
    }

    /// 400 code 14: `declarative config is invalid: {…}`.
    private static func invalidConfig(_ detail: String) -> StandInResponse {
        error(400, code: 14, "declarative config is invalid: \(detail)")
    }

    /// The request body as a JSON object, or Kong's 400 for anything else.
    private static func object(_ body: [UInt8]) throws(StandInResponse) -> [String: StandInJSON] {
        guard let object = StandInJSON.parse(body)?.object else {
            throw .json(400, ["message": "Cannot parse JSON body"])
        }
        return object
    }

    /// `text` percent-encoded as a query value.
    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? text
    }
}
