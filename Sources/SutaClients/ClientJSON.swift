#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// JSON for every client (Docker, Kong, Consul, Ollama): keys sorted on encoding, so equal
/// values give equal bytes, and failures described in one line with the key path that
/// broke. Each client turns a ``JSONProblem`` into its own error type.
enum ClientJSON {
    /// `value` as JSON with sorted keys, or a description of why it cannot be encoded.
    static func encode<Value: Encodable>(_ value: Value) -> Result<[UInt8], JSONProblem> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return .success(Array(try encoder.encode(value)))
        } catch {
            return .failure(JSONProblem("cannot encode \(Value.self) as JSON: \(error)"))
        }
    }

    /// `bytes` decoded as `Value`, or a description of what was wrong and where, with the
    /// beginning of the document (passed through `redact` first).
    static func decode<Value: Decodable>(
        _ type: Value.Type,
        from bytes: [UInt8],
        redact: (String) -> String = { $0 }
    ) -> Result<Value, JSONProblem> {
        do {
            return .success(try JSONDecoder().decode(type, from: Data(bytes)))
        } catch {
            let excerpt = redact(String(decoding: bytes.prefix(200), as: UTF8.self))
            return .failure(JSONProblem("expected \(Value.self): \(describe(error)); it begins: \(excerpt)"))
        }
    }

    /// A short account of a `DecodingError`: what was wrong and at which key path.
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
        return "\(problem) at '\(path)'"
    }
}
