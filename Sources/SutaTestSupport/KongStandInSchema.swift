import Foundation
import SutaModel

/// The parts of Kong's entity schemas (`kong/db/schema/entities/services.lua`, `routes.lua`
/// and `typedefs.lua`) a ``KongStandIn`` enforces: a request body becomes a stored entity,
/// or the 400 schema violation Kong answers.
enum KongStandInSchema {
    /// `body` as a stored service, with `url` spelled out; 400 schema violation when a field
    /// is wrong, the name is not a Kong name, or `host` is missing.
    static func service(_ body: [String: StandInJSON], name: String, id: String, createdAt: StandInJSON?) throws(StandInResponse) -> StandInJSON {
        var problems = unknownFields(body, allowed: ["id", "name", "url", "protocol", "host", "port", "path", "tags", "retries",
                                                      "connect_timeout", "read_timeout", "write_timeout", "enabled", "created_at", "updated_at"])
        if let problem = nameProblem(name) { problems["name"] = problem }
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
        if let value = body["port"], value != .null, value.int == nil { problems["port"] = "expected an integer" }
        if let path, !path.hasPrefix("/") { problems["path"] = "should start with: /" }
        let tags = tagList(body, &problems)
        guard problems.isEmpty else { throw KongStandInError.schemaViolation(problems) }
        return [
            "id": .string(id), "name": .string(name), "protocol": .string(scheme), "host": .string(host ?? ""), "port": .int(port),
            "path": path.map(StandInJSON.string) ?? nil, "tags": tags, "retries": 5, "connect_timeout": 60000,
            "read_timeout": 60000, "write_timeout": 60000, "enabled": true, "created_at": createdAt ?? 1_700_000_000,
            "updated_at": 1_700_000_000,
        ]
    }

    /// `body` (without `service`) as a stored route of the service `serviceID`; 400 schema
    /// violation when a field is wrong (a name, method or host Kong's types refuse) or the
    /// route matches nothing.
    static func route(_ body: [String: StandInJSON], name: String, id: String, serviceID: String?, createdAt: StandInJSON?) throws(StandInResponse) -> StandInJSON {
        var problems = unknownFields(body, allowed: ["id", "name", "paths", "methods", "hosts", "strip_path", "preserve_host", "protocols", "tags",
                                                      "created_at", "updated_at"])
        if let problem = nameProblem(name) { problems["name"] = problem }
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
        // typedefs.http_method: `^%u+$`, uppercase letters only.
        for (index, method) in (lists["methods"]?.strings ?? []).enumerated()
        where method.isEmpty || !method.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
            problems["methods.\(index + 1)"] = "invalid value: \(method)"
        }
        for (index, host) in (lists["hosts"]?.strings ?? []).enumerated() {
            if let problem = KongHostRule.problem(host) { problems["hosts.\(index + 1)"] = problem }
        }
        if lists.isEmpty, problems.isEmpty {
            problems["@entity"] = "must set one of 'methods', 'hosts', 'headers', 'paths', 'snis' when 'protocols' is 'https'"
        }
        if let value = body["strip_path"], value.bool == nil { problems["strip_path"] = "expected a boolean" }
        let tags = tagList(body, &problems)
        guard problems.isEmpty else { throw KongStandInError.schemaViolation(problems) }
        return [
            "id": .string(id), "name": .string(name), "paths": lists["paths"] ?? nil, "methods": lists["methods"] ?? nil,
            "hosts": lists["hosts"] ?? nil, "strip_path": .bool(body["strip_path"]?.bool ?? true), "preserve_host": false,
            "protocols": ["http", "https"], "service": serviceID.map { ["id": .string($0)] } ?? nil, "tags": tags,
            "created_at": createdAt ?? 1_700_000_000, "updated_at": 1_700_000_000,
        ]
    }

    /// What `typedefs.utf8_name` says about `name`: ASCII letters, digits, `.`, `-`, `_` and
    /// `~`, and any non-ASCII character; nil when it is fine.
    static func nameProblem(_ name: String) -> String? {
        let allowed = name.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
                || (128...244).contains(byte)
        }
        if name.isEmpty { return "length must be at least 1" }
        guard !allowed else { return nil }
        return "invalid value '\(name)': the only accepted ascii characters are alphanumerics or ., -, _, and ~"
    }

    /// The `tags` of `body` (`null` when there are none); a problem when they are not strings
    /// without `,`, `/` or spaces.
    static func tagList(_ body: [String: StandInJSON], _ problems: inout [String: String]) -> StandInJSON {
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
}
