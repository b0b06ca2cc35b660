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
