extension KeyedDecodingContainer {
    /// The value at `key`, or `fallback` when the key is missing or `null`. The engine sends
    /// `null` for many empty lists and maps (labels, env, aliases, warnings).
    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key, default fallback: Value) throws -> Value {
        try decodeIfPresent(type, forKey: key) ?? fallback
    }
}
