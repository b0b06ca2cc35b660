/// Which YAML tags a manifest may carry. Manifests need none, but YAML's standard tags are
/// accepted where they agree with the node they are on: `!!str` (and the non-specific `!`)
/// on any scalar, making it a string; `!!int`, `!!float`, `!!bool`, `!!null` on a scalar
/// written as such a value (YAML 1.2 core schema), read as if it were unquoted; `!!seq` on a
/// sequence and `!!map` on a mapping. Any other tag (`!!binary`, `!!timestamp`, `!custom`,
/// `!!set`, ...) is an error at the node, instead of silently meaning nothing.
enum YAMLTagRule {
    private static let prefix = "tag:yaml.org,2002:"
    private static let allowed = "!!str, !!int, !!float, !!bool, !!null, !!seq, !!map"

    /// Whether a scalar with `tag` is plain (can be a number, boolean or null) given how it was
    /// written; throws for a tag it may not carry.
    static func scalarIsPlain(tag: String?, text: String, isPlainStyle: Bool, at location: SourceLocation) throws(YAMLError) -> Bool {
        guard let tag else { return isPlainStyle }
        switch tag {
        case "!", prefix + "str":
            return false
        case prefix + "int", prefix + "float", prefix + "bool", prefix + "null":
            let type = String(tag.dropFirst(prefix.count))
            guard matches(text, type: type) else {
                let what = ["int": "an integer", "float": "a number", "bool": "a boolean", "null": "null"][type] ?? type
                throw YAMLError("tag `!!\(type)` on `\(YAMLError.excerpt(text))`, which is not \(what)",
                                at: location, hint: "remove the tag, or write the value as \(example(of: type))")
            }
            return true
        default:
            throw unsupported(tag, at: location)
        }
    }

    /// Throws unless `tag` (nil for none) may stand on a sequence (`isMapping` false) or mapping.
    static func checkCollection(tag: String?, isMapping: Bool, at location: SourceLocation) throws(YAMLError) {
        guard let tag, tag != "!" else { return }
        if tag == prefix + (isMapping ? "map" : "seq") { return }
        if [prefix + "map", prefix + "seq", prefix + "str", prefix + "int", prefix + "float", prefix + "bool", prefix + "null"].contains(tag) {
            throw YAMLError("tag `\(display(tag))` on a \(isMapping ? "mapping" : "sequence")", at: location,
                            hint: "remove the tag")
        }
        throw unsupported(tag, at: location)
    }

    private static func unsupported(_ tag: String, at location: SourceLocation) -> YAMLError {
        let shown = YAMLError.excerpt(display(tag))
        let kind = tag.hasPrefix(prefix) ? "unsupported" : "unknown"
        return YAMLError("\(kind) tag `\(shown)`", at: location,
                         hint: "manifests use no custom tags (allowed: \(allowed)); quote the value if the `!` belongs to it")
    }

    /// A tag as it is usually written: `!!binary`, `!custom`, else `!<full-tag>`.
    private static func display(_ tag: String) -> String {
        if tag.hasPrefix(prefix) { return "!!" + tag.dropFirst(prefix.count) }
        if tag.hasPrefix("!") { return tag }
        return "!<\(tag)>"
    }

    private static func example(of type: String) -> String {
        switch type {
        case "int": return "a whole number such as 8080"
        case "float": return "a number such as 0.5"
        case "bool": return "true or false"
        default: return "null, ~ or nothing"
        }
    }

    /// YAML 1.2 core schema: https://yaml.org/spec/1.2.2/#1032-tag-resolution
    private static func matches(_ text: String, type: String) -> Bool {
        let chars = Array(text.utf8)
        func digits(_ slice: ArraySlice<UInt8>, _ isDigit: (UInt8) -> Bool) -> Bool { !slice.isEmpty && slice.allSatisfy(isDigit) }
        let decimal: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        switch type {
        case "null":
            return ["", "~", "null", "Null", "NULL"].contains(text)
        case "bool":
            return ["true", "True", "TRUE", "false", "False", "FALSE"].contains(text)
        case "int":
            if text.hasPrefix("0o") { return digits(chars.dropFirst(2)) { $0 >= 0x30 && $0 <= 0x37 } }
            if text.hasPrefix("0x") { return digits(chars.dropFirst(2)) { decimal($0) || (0x61...0x66).contains($0 | 0x20) } }
            return digits(chars.first == 0x2B || chars.first == 0x2D ? chars.dropFirst() : chars[...], decimal)
        default:  // float
            var rest = chars.first == 0x2B || chars.first == 0x2D ? chars.dropFirst() : chars[...]
            if [".inf", ".Inf", ".INF"].contains(String(decoding: rest, as: UTF8.self)) { return true }
            if [".nan", ".NaN", ".NAN"].contains(text) { return true }
            let whole = rest.prefix(while: decimal)
            rest = rest.dropFirst(whole.count)
            var fraction: ArraySlice<UInt8> = []
            if rest.first == 0x2E {
                fraction = rest.dropFirst().prefix(while: decimal)
                rest = rest.dropFirst(1 + fraction.count)
            }
            guard !whole.isEmpty || !fraction.isEmpty else { return false }
            if rest.first == 0x65 || rest.first == 0x45 {
                rest = rest.dropFirst()
                if rest.first == 0x2B || rest.first == 0x2D { rest = rest.dropFirst() }
                return digits(rest, decimal)
            }
            return rest.isEmpty
        }
    }
}
