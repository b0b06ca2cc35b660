/// One node of a parsed YAML document, with the position it came from.
///
/// Aliases are already expanded and `<<` merge keys already applied, so consumers see
/// plain scalars, sequences and mappings. Scalars keep their text and whether they were
/// quoted: the manifest decoder decides what a plain `8080` or `true` means.
public struct YAMLNode: Sendable {
    /// The shape and content of a node.
    public indirect enum Value: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLMapEntry])
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// The text of a scalar node and how it was written.
public struct YAMLScalar: Sendable, Hashable {
    public var text: String
    /// True for plain (unquoted, non-block) scalars: only these can be numbers, booleans or null.
    public var isPlain: Bool

    public init(text: String, isPlain: Bool) {
        self.text = text
        self.isPlain = isPlain
    }
}

/// A key/value pair of a mapping node. Keys are scalars in every manifest, but the
/// key keeps its own node so diagnostics can point at it.
public struct YAMLMapEntry: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
