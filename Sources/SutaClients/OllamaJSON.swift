import Foundation

/// JSON encoding and decoding for the Ollama API, with failures turned into
/// ``OllamaError`` at once. Encoded keys are sorted, so request bodies are deterministic.
enum OllamaJSON {
    static func encode<Value: Encodable>(_ value: Value) throws(OllamaError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            throw .decoding("cannot encode \(Value.self) as JSON: \(error)")
        }
    }

    /// Decodes `bytes`; `what` names the document in the error, e.g. `GET /api/tags`.
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8], what: String) throws(OllamaError) -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch {
            let excerpt = String(decoding: bytes.prefix(200), as: UTF8.self)
            throw .decoding("cannot read the Ollama server's answer to \(what) as \(Value.self): \(DockerJSON.describe(error)); it begins: \(excerpt)")
        }
    }
}
