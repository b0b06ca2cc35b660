/// A JSON-shaped value with ordered keys: what `config` renders as JSON or YAML.
public indirect enum ConfigValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([ConfigValue])
    case object([(String, ConfigValue)])

    public static func == (lhs: ConfigValue, rhs: ConfigValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.int(a), .int(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Compact-free, indented JSON with keys in their given order.
    public func json(indent: String = "") -> String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return ConfigValue.number(value)
        case .string(let value): return ConfigValue.quoted(value)
        case .array(let items):
            if items.isEmpty { return "[]" }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.json(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            let inner = indent + "  "
            return "{\n" + fields.map { "\(inner)\(ConfigValue.quoted($0.0)): \($0.1.json(indent: inner))" }.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    /// Block-style YAML; strings are quoted whenever a plain scalar could be misread.
    public func yaml() -> String {
        var lines: [String] = []
        appendYAML(to: &lines, indent: "")
        return lines.joined(separator: "\n") + "\n"
    }

    private var isCollection: Bool {
        switch self {
        case .array(let items): !items.isEmpty
        case .object(let fields): !fields.isEmpty
        default: false
        }
    }

    private var yamlScalar: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): ConfigValue.number(value)
        case .string(let value): ConfigValue.yamlString(value)
        case .array: "[]"
        case .object: "{}"
        }
    }

    private func appendYAML(to lines: inout [String], indent: String) {
        switch self {
        case .array(let items) where !items.isEmpty:
            for item in items {
                if case .object(let fields) = item, !fields.isEmpty {
                    // First field on the dash line, the rest aligned under it.
                    var nested: [String] = []
                    item.appendYAML(to: &nested, indent: indent + "  ")
                    lines.append(indent + "- " + nested[0].dropFirst(indent.count + 2))
                    lines.append(contentsOf: nested.dropFirst())
                } else if item.isCollection {
                    lines.append(indent + "-")
                    item.appendYAML(to: &lines, indent: indent + "  ")
                } else {
                    lines.append(indent + "- " + item.yamlScalar)
                }
            }
        case .object(let fields) where !fields.isEmpty:
            for (key, value) in fields {
                let name = ConfigValue.yamlString(key)
                if value.isCollection {
                    lines.append(indent + name + ":")
                    value.appendYAML(to: &lines, indent: indent + "  ")
                } else {
                    lines.append(indent + name + ": " + value.yamlScalar)
                }
            }
        default:
            lines.append(indent + yamlScalar)
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Plain when safe, otherwise JSON-quoted (valid YAML double-quoted style).
    private static func yamlString(_ text: String) -> String {
        let reserved: Set<String> = ["", "true", "false", "True", "False", "TRUE", "FALSE", "null", "Null", "NULL", "~",
                                     "yes", "no", "Yes", "No", "on", "off", "y", "n"]
        let special = ":#{}[],&*?|<>=!%@`'\"\\-"
        let looksNumeric = Double(text) != nil || text.hasPrefix("0x") || text.hasPrefix(".")
        let risky = reserved.contains(text) || looksNumeric
            || text.first.map { special.contains($0) || $0 == " " } ?? true
            || text.last == " " || text.contains(": ") || text.contains(" #")
            || text.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7f}" }
        return risky ? quoted(text) : text
    }
}
