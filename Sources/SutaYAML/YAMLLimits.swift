/// Bounds that keep hostile input from hanging the parser or exhausting memory.
public struct YAMLLimits: Sendable {
    /// Deepest nesting of sequences and mappings accepted.
    public var maxDepth: Int
    /// Most nodes one file may produce after alias expansion (an alias bomb hits this).
    public var maxNodes: Int
    /// Largest file accepted, in bytes.
    public var maxBytes: Int

    public init(maxDepth: Int = 128, maxNodes: Int = 2_000_000, maxBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxBytes = maxBytes
    }

    public static let `default` = YAMLLimits()
}
