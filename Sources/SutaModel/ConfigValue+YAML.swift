import SutaYAML

extension ConfigValue {
    /// The first document of `text` (YAML, or JSON, which YAML reads too) as a value, with
    /// keys in their written order. Plain scalars are read as YAML's core schema reads them
    /// (`~`, `null` and nothing are null; `true`, `false`; integers; floats); quoted and
    /// block scalars are strings. `file` names the text in errors.
    public init(yaml text: String, file: String) throws(YAMLError) {
        let documents = try YAMLParser.parse(Array(text.utf8), file: file)
        self = documents.first?.root.map(Self.init(node:)) ?? .null
    }

    /// The node as a value, read as `init(yaml:file:)` reads a document's root.
    public init(node: YAMLNode) {
        switch node.value {
        case .sequence(let items):
            self = .array(items.map(Self.init(node:)))
        case .mapping(let entries):
            self = .object(entries.map { ($0.key.scalar?.text ?? "", Self(node: $0.value)) })
        case .scalar(let scalar):
            self = scalar.isPlain ? Self.plain(scalar.text) : .string(scalar.text)
        }
    }

    private static func plain(_ text: String) -> ConfigValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let integer = Int64(text) { return .int(integer) }
        if let first = text.first, first.isNumber || ((first == "-" || first == "+" || first == ".") && text.count > 1),
           text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }), let number = Double(text) {
            return .double(number)
        }
        return .string(text)
    }

    /// The value with every object's keys sorted, so equal values render as equal text
    /// whatever order their keys came in.
    public var sortedKeys: ConfigValue {
        switch self {
        case .array(let items): .array(items.map(\.sortedKeys))
        case .object(let fields): .object(fields.sorted { $0.0 < $1.0 }.map { ($0.0, $0.1.sortedKeys) })
        default: self
        }
    }

    /// The string, or nil for any other value.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> ConfigValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }
}
