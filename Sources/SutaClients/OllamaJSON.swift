/// ``ClientJSON`` for the Ollama API, with failures turned into ``OllamaError`` at once.
enum OllamaJSON {
    static func encode<Value: Encodable>(_ value: Value) throws(OllamaError) -> [UInt8] {
        do {
            return try ClientJSON.encode(value).get()
        } catch {
            throw .decoding(error.message)
        }
    }

    /// Decodes `bytes`; `what` names the document in the error, e.g. `GET /api/tags`.
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8], what: String) throws(OllamaError) -> Value {
        do {
            return try ClientJSON.decode(type, from: bytes).get()
        } catch {
            throw .decoding("cannot read the Ollama server's answer to \(what): \(error.message)")
        }
    }
}
