import Foundation

/// JSON encoding and decoding for the engine API, with failures turned into
/// ``DockerError`` at once. Encoded keys are sorted, so request bodies are deterministic.
enum DockerJSON {
    static func encode<Value: Encodable>(_ value: Value) throws(DockerError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw .decoding("cannot encode \(Value.self) as JSON: \(error)")
        }
    }

    /// Decodes `bytes`; `what` names the document in the error, e.g. `GET /containers/json`.
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8], what: String) throws(DockerError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch {
            let excerpt = String(decoding: bytes.prefix(200), as: UTF8.self)
            throw .decoding("cannot read the Docker Engine's answer to \(what) as \(Value.self): \(describe(error)); it begins: \(excerpt)")
        }
    }

    /// A short account of a `DecodingError`: what was wrong and at which key path. The
    /// other clients' JSON helpers use it too.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        let (context, problem): (DecodingError.Context, String) = switch error {
        case .typeMismatch(let type, let context): (context, "expected \(type)")
        case .valueNotFound(let type, let context): (context, "missing \(type) value")
        case .keyNotFound(let key, let context): (context, "missing key \(key.stringValue)")
        case .dataCorrupted(let context): (context, "invalid data")
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: "\(error)"), "invalid data")
        }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return "\(problem) at '\(path)' (\(context.debugDescription))"
    }
}
