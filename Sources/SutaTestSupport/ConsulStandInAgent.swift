import Foundation

/// What a ``ConsulStandIn``'s agent knows, and how it answers a request: plain values in, a
/// response out (the stand-in holds it under a lock).
struct ConsulStandInAgent: Sendable {
    /// With a token, ACLs are on (default policy deny) and only that token may read and
    /// write; without one, ACLs are off.
    let requiredToken: String?
    /// Registered services by ID, as `GET /v1/agent/services` lists them.
    private var services: [String: StandInJSON] = [:]

    init(requiredToken: String?) {
        self.requiredToken = requiredToken
    }

    /// The answer to `request`, after whatever it changes. Every answer carries
    /// `X-Consul-Default-ACL-Policy`.
    mutating func handle(_ request: StandInRequest) -> StandInResponse {
        var response: StandInResponse
        do {
            response = try answer(request)
        } catch {
            response = error
        }
        response.headers.append(("X-Consul-Default-ACL-Policy", requiredToken == nil ? "allow" : "deny"))
        return response
    }

    private mutating func answer(_ request: StandInRequest) throws(StandInResponse) -> StandInResponse {
        let presented = request.header("X-Consul-Token") ?? request.header("Authorization").flatMap { header in
            header.hasPrefix("Bearer ") ? String(header.dropFirst("Bearer ".count)) : nil
        }
        if let requiredToken, let presented, presented != requiredToken {
            throw .text(403, "ACL not found")
        }
        // No token: the anonymous token, which may do nothing when ACLs are on.
        let anonymous = requiredToken != nil && presented == nil
        let deregisterPrefix = "/v1/agent/service/deregister/"
        switch request.path {
        case "/v1/agent/services":
            try Self.require("GET", request)
            guard !anonymous else { return .json(200, [:], headers: [("X-Consul-Results-Filtered-By-ACLs", "true")]) }
            return .json(200, .object(services))
        case "/v1/agent/service/register":
            try Self.require("PUT", request)
            let service = try Self.registration(request.body)
            let id = service["ID"]?.string ?? ""
            if anonymous { throw Self.denied(service["Service"]?.string ?? id) }
            services[id] = service
            return StandInResponse(status: 200)
        case let path where path.hasPrefix(deregisterPrefix):
            try Self.require("PUT", request)
            let raw = String(path.dropFirst(deregisterPrefix.count))
            let id = raw.removingPercentEncoding ?? raw
            if anonymous { throw Self.denied(id) }
            guard services.removeValue(forKey: id) != nil else {
                throw .text(404, "Unknown service ID \"\(id)\". Ensure that the service ID is passed, not the service name.")
            }
            return StandInResponse(status: 200)
        default:
            return .text(404, "404 page not found")
        }
    }

    /// 405 unless `request` uses `method`.
    private static func require(_ method: String, _ request: StandInRequest) throws(StandInResponse) {
        guard request.method == method else { throw .text(405, "method \(request.method) not allowed") }
    }

    /// 403 for the anonymous token writing `name`.
    private static func denied(_ name: String) -> StandInResponse {
        .text(403, "Permission denied: anonymous token lacks permission 'service:write' on \"\(name)\"")
    }

    /// A registration body as the agent lists the service, or the agent's 400: `Name` is
    /// required, `ID` defaults to it; the meta must pass ``metaProblem(_:)``; a check needs
    /// `HTTP` or `TCP` and a positive `Interval`; durations must be Go duration strings.
    private static func registration(_ body: [UInt8]) throws(StandInResponse) -> StandInJSON {
        guard let raw = StandInJSON.parse(body)?.object else { throw .text(400, "Request decode failed: invalid JSON body") }
        let fields = canonical(raw)
        guard let name = fields["Name"]?.string, !name.isEmpty else { throw .text(400, "Missing service name") }
        let tags = fields["Tags"] ?? nil
        let meta = fields["Meta"] ?? nil
        guard tags == .null || tags.strings != nil, meta == .null || meta.object?.values.allSatisfy({ $0.string != nil }) == true,
            (fields["Port"] ?? 0).int != nil, (fields["Address"] ?? "").string != nil, (fields["ID"] ?? "").string != nil
        else {
            throw .text(400, "Request decode failed: a field has the wrong type")
        }
        if let pairs = meta.object, let problem = Self.metaProblem(pairs.mapValues { $0.string ?? "" }) {
            throw .text(400, "Invalid Service Meta: \(problem)")
        }
        if let check = fields["Check"], check != .null { try validate(check: canonical(check.object ?? [:])) }
        for check in fields["Checks"]?.array ?? [] { try validate(check: canonical(check.object ?? [:])) }
        let id = fields["ID"]?.string.flatMap { $0.isEmpty ? nil : $0 } ?? name
        return [
            "ID": .string(id), "Service": .string(name), "Tags": tags == .null ? [] : tags, "Meta": meta == .null ? [:] : meta,
            "Port": fields["Port"] ?? 0, "Address": fields["Address"] ?? "", "Weights": ["Passing": 1, "Warning": 1],
            "EnableTagOverride": false, "Datacenter": "dc1",
        ]
    }

    /// What `structs.ValidateServiceMetadata` (`validateMetadata`, `validateMetaPair`) says
    /// about a service's meta: at most 64 pairs; keys not blank, of `[a-zA-Z0-9_-]`, at most
    /// 128 characters, not starting with `consul-`; values at most 512 characters. Go walks
    /// the map in random order; the stand-in reports the first bad pair by key.
    static func metaProblem(_ meta: [String: String]) -> String? {
        if meta.count > 64 { return "Node metadata cannot contain more than 64 key/value pairs" }
        for key in meta.keys.sorted() {
            let value = meta[key]!
            let problem: String? = if key.isEmpty {
                "Key cannot be blank"
            } else if !key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }) {
                "Key contains invalid characters"
            } else if key.utf8.count > 128 {
                "Key is too long (limit: 128 characters)"
            } else if key.hasPrefix("consul-") {
                "Key prefix 'consul-' is reserved for internal use"
            } else if value.utf8.count > 512 {
                "Value is too long (limit: 512 characters)"
            } else {
                nil
            }
            if let problem { return "Couldn't load metadata pair ('\(key)', '\(value)'): \(problem)" }
        }
        return nil
    }

    /// The registration fields the stand-in reads, by the names Go's JSON decoding matches
    /// without regard to case (`name`, `Name`) or, as the agent also accepts, in snake_case
    /// (`deregister_critical_service_after`).
    private static let fieldNames = ["Name", "ID", "Tags", "Meta", "Port", "Address", "Check", "Checks", "HTTP", "TCP", "Interval", "Timeout",
                                     "DeregisterCriticalServiceAfter"]

    /// `object` with the keys of ``fieldNames`` spelled as there; other keys (meta keys among
    /// them) as sent.
    private static func canonical(_ object: [String: StandInJSON]) -> [String: StandInJSON] {
        let known = Dictionary(uniqueKeysWithValues: fieldNames.map { ($0.lowercased(), $0) })
        return Dictionary(object.map { key, value in (known[key.lowercased().filter { $0 != "_" }] ?? key, value) }, uniquingKeysWith: { first, _ in first })
    }

    private static func validate(check: [String: StandInJSON]) throws(StandInResponse) {
        for field in ["Interval", "Timeout", "DeregisterCriticalServiceAfter"] {
            guard let value = check[field], value != .null else { continue }
            guard let text = value.string, goDurationSeconds(text) != nil else {
                throw .text(400, "Request decode failed: time: invalid duration \(value.jsonText)")
            }
        }
        let kinds = ["HTTP", "TCP"].filter { check[$0]?.string?.isEmpty == false }
        guard kinds.count == 1 else {
            throw .text(400, "Invalid check: exactly one of HTTP or TCP must be set (the stand-in's check types)")
        }
        guard let interval = check["Interval"]?.string.flatMap(goDurationSeconds), interval > 0 else {
            throw .text(400, "Invalid check: Interval must be > 0 for Script, HTTP, H2PING, or TCP checks")
        }
    }

    /// The seconds in a Go duration string such as `10s`, `1m30s`, `500ms`; `nil` when it is
    /// not one (a bare number is not).
    private static func goDurationSeconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var rest = Substring(text)
        var total = 0.0
        guard !rest.isEmpty else { return nil }
        if rest == "0" { return 0 }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let (unit, scale) = units.filter({ rest.hasPrefix($0.0) }).max(by: { $0.0.count < $1.0.count }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += value * scale
        }
        return total
    }
}
