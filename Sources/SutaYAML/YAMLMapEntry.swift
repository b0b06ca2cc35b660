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
