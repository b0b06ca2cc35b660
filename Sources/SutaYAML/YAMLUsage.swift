/// What the files parsed so far in one load have produced, so that `YAMLLimits.maxDocuments`,
/// `maxNodes` and `maxParsedBytes` bound all of them together: pass the same value to every
/// `YAMLParser.parse` of the load. A file that parses adds what it produced; one that stops
/// at a limit leaves the usage over that limit, so the files after it need not be parsed.
public struct YAMLUsage: Sendable, Equatable {
    /// Documents, empty ones included.
    public internal(set) var documents = 0
    /// Nodes after alias expansion, keys included.
    public internal(set) var nodes = 0
    /// Estimated memory of the trees, alias copies counted in full (see `estimate(text:)`).
    public internal(set) var bytes = 0

    public init() {}

    /// Whether a limit of `limits` has been passed: the input is refused either way.
    public func exceeds(_ limits: YAMLLimits) -> Bool {
        documents > limits.maxDocuments || nodes > limits.maxNodes || bytes > limits.maxParsedBytes
    }

    /// A node's memory: the node itself, plus the text's storage unless it is short enough
    /// to be stored inline (15 UTF-8 bytes).
    static func estimate(text bytes: Int) -> Int {
        MemoryLayout<YAMLNode>.stride + (bytes > 15 ? (32 + bytes + 16) & ~15 : 0)
    }

    /// A collection's memory besides its children: the node and its array's header.
    static let collectionBytes = MemoryLayout<YAMLNode>.stride + 32

    /// What indexing one key of a large mapping costs while the mapping is read.
    static let keyIndexBytes = 48
}
