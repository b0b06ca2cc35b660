import Foundation

/// The error answers of a ``KongStandIn``, shaped as Kong's `kong/db/errors.lua` builds them:
/// `{"code":…, "name":…, "message":…, "fields":…}`.
enum KongStandInError {
    static let notFound = StandInResponse.json(404, ["message": "Not found"])
    static let methodNotAllowed = StandInResponse.json(405, ["message": "Method not allowed"])

    /// A Kong error body: `{"code":…, "name":…, "message":…, "fields":…}`.
    static func error(_ status: Int, code: Int, _ message: String, fields: StandInJSON? = nil) -> StandInResponse {
        let names = [2: "schema violation", 4: "foreign key violation", 5: "unique constraint violation", 7: "invalid offset",
                     9: "invalid size", 11: "invalid options", 12: "operation unsupported", 13: "foreign keys unresolved",
                     14: "invalid declarative configuration"]
        var body: StandInJSON = ["code": .int(code), "name": .string(names[code] ?? "error"), "message": .string(message)]
        if let fields { body["fields"] = fields }
        return .json(status, body)
    }

    /// 405 for an entity write on a DB-less node.
    static func unsupported(_ action: String, _ collection: String) -> StandInResponse {
        error(405, code: 12, "cannot \(action) '\(collection)' entities when not using a database")
    }

    /// 409: `UNIQUE violation detected on '{name="api"}'`.
    static func uniqueViolation(_ name: String) -> StandInResponse {
        error(409, code: 5, "UNIQUE violation detected on '{name=\"\(name)\"}'", fields: ["name": .string(name)])
    }

    /// 400 with Kong's message: `schema violation (host: required field missing)`, or
    /// `N schema violations (a: …; b: …)`; entity-wide problems come first, unprefixed.
    /// A problem keyed `hosts.2` is the second element of `hosts`: in `fields` it sits in an
    /// array at that position, with `null` before it, as Kong's JSON encoder writes a sparse
    /// Lua array.
    static func schemaViolation(_ problems: [String: String]) -> StandInResponse {
        let entity = problems["@entity"].map { [$0] } ?? []
        let lines = entity + problems.filter { $0.key != "@entity" }.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        let message = lines.count == 1 ? "schema violation (\(lines[0]))" : "\(lines.count) schema violations (\(lines.joined(separator: "; ")))"
        var fields: [String: StandInJSON] = [:]
        for (key, problem) in problems {
            let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let position = Int(parts[1]), position >= 1 else {
                fields[key] = .string(problem)
                continue
            }
            var elements = fields[parts[0]]?.array ?? []
            while elements.count < position { elements.append(nil) }
            elements[position - 1] = .string(problem)
            fields[parts[0]] = .array(elements)
        }
        return error(400, code: 2, message, fields: .object(fields))
    }

    /// 400 code 14: `declarative config is invalid: {…}`.
    static func invalidConfig(_ detail: String) -> StandInResponse {
        error(400, code: 14, "declarative config is invalid: \(detail)")
    }

    /// The request body as a JSON object, or Kong's 400 for anything else.
    static func object(_ body: [UInt8]) throws(StandInResponse) -> [String: StandInJSON] {
        guard let object = StandInJSON.parse(body)?.object else {
            throw .json(400, ["message": "Cannot parse JSON body"])
        }
        return object
    }
}
