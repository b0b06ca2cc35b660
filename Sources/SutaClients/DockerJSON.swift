/// ``ClientJSON`` for the engine API, with failures turned into ``DockerError`` at once.
enum DockerJSON {
    static func encode<Value: Encodable>(_ value: Value) throws(DockerError) -> [UInt8] {
        do {
            return try ClientJSON.encode(value).get()
        } catch {
            throw .decoding(error.message)
        }
    }

    /// Decodes `bytes`; `what` names the document in the error, e.g. `GET /containers/json`.
    static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8], what: String) throws(DockerError) -> Value {
        do {
            return try ClientJSON.decode(type, from: bytes).get()
        } catch {
            throw .decoding("cannot read the Docker Engine's answer to \(what): \(error.message)")
        }
    }
}
