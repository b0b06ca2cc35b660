/// One node of a parsed YAML document, with the position it came from.
///
/// Aliases are already expanded and `<<` merge keys already applied, so consumers see
/// plain scalars, sequences and mappings. Scalars keep their text and whether they were
/// quoted: the manifest decoder decides what a plain `8080` or `true` means.
public struct YAMLNode: Sendable {
    // Not `indirect`: the arrays already give the recursion a fixed size, and boxing every
    // value would cost a heap allocation (and a later free) per node.
    /// The shape and content of a node.
    public enum Value: Sendable {
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

extension YAMLNode {
    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = value { return scalar }
        return nil
    }

    /// The items, if this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The entries, if this node is a mapping.
    public var mapping: [YAMLMapEntry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    /// The value stored under the scalar key `key`, if this node is a mapping that has it.
    /// A linear search: fine for looking up a few fields, not for walking a whole mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.text == key }?.value
    }
}
