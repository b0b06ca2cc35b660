/// Consul's rules for service meta (agent/structs `ValidateServiceMetadata`): keys are
/// letters, digits, `_` and `-`, at most 128 characters, not starting with `consul-`; values
/// at most 512 characters; at most 64 pairs. sutactl adds three `sutactl-` keys of its own.
enum ConsulMetaGrammar {
    static let maximumPairs = 64
    /// What is left for the manifest once sutactl's own keys are in.
    static let maximumUserPairs = 61
    static let maximumKeyLength = 128
    static let maximumValueLength = 512

    /// Why Consul (or sutactl) would not take `key: value`, or nil. Never quotes the value.
    static func problem(key: String, value: String) -> String? {
        let validKey = !key.isEmpty && key.utf8.allSatisfy { byte in
            (97...122).contains(byte) || (65...90).contains(byte) || (48...57).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        if !validKey { return "meta key `\(key)` must be letters, digits, `_` or `-` (Consul's rule)" }
        if key.utf8.count > maximumKeyLength { return "meta key `\(key.prefix(32))…` is longer than Consul's \(maximumKeyLength) characters" }
        if key.hasPrefix("consul-") { return "meta key `\(key)` uses the prefix `consul-`, which Consul reserves" }
        if key.hasPrefix("sutactl-") { return "meta key `\(key)` uses the prefix `sutactl-`, which sutactl sets itself" }
        if value.utf8.count > maximumValueLength {
            return "the value of meta key `\(key)` is \(value.utf8.count) bytes, more than Consul's \(maximumValueLength)"
        }
        return nil
    }
}
