/// Bounds that keep hostile input from hanging the parser or exhausting memory. The defaults
/// keep `sutactl validate` under 100 MB (and 1.5 s of CPU in a debug build) for any input it
/// refuses, and leave room for several thousand services (the generated 5,000-service
/// benchmark set is 556,000 nodes, 35 MiB parsed, 5,502 documents).
public struct YAMLLimits: Sendable {
    /// Deepest nesting of sequences and mappings accepted.
    public var maxDepth: Int
    /// Most items in one sequence, or entries in one mapping.
    public var maxCollectionEntries: Int
    /// Most documents, of one file or with a shared `YAMLUsage` of all files together.
    public var maxDocuments: Int
    /// Most nodes (keys included) after alias expansion: one file's, or with a shared
    /// `YAMLUsage` all files' together. An alias bomb hits this.
    public var maxNodes: Int
    /// Most memory the parsed trees may take, in bytes, counted like `maxNodes`: an estimate
    /// from the nodes, their arrays and their text (`YAMLUsage.bytes`).
    public var maxParsedBytes: Int
    /// Largest file accepted, in bytes.
    public var maxBytes: Int
    /// Longest scalar accepted, in bytes (its text after quotes and escapes are resolved; one
    /// written far longer is stopped while it is being read).
    public var maxScalarBytes: Int

    public init(maxDepth: Int = 128, maxCollectionEntries: Int = 10_000, maxDocuments: Int = 10_000, maxNodes: Int = 700_000,
                maxParsedBytes: Int = 40 << 20, maxBytes: Int = 8 << 20, maxScalarBytes: Int = 1 << 20) {
        self.maxDepth = maxDepth
        self.maxCollectionEntries = maxCollectionEntries
        self.maxDocuments = maxDocuments
        self.maxNodes = maxNodes
        self.maxParsedBytes = maxParsedBytes
        self.maxBytes = maxBytes
        self.maxScalarBytes = maxScalarBytes
    }

    public static let `default` = YAMLLimits()

    /// A byte count as limits are stated: `16 MiB`, `1 KiB`, `1000 bytes`.
    public static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
