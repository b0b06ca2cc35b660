/// One progress line of an Ollama model pull, e.g. `pulling manifest`, or
/// `pulling 2af3b81862c6` with byte counts for a layer.
public struct OllamaPullProgress: Sendable, Equatable {
    /// What is happening: `pulling manifest`, `pulling <digest>`, `verifying sha256 digest`,
    /// `writing manifest`, `success`, …
    public var status: String
    /// The layer the line is about, if any (`sha256:…`).
    public var digest: String?
    /// The layer's size in bytes, when known.
    public var total: Int64?
    /// Bytes of the layer done so far, when known.
    public var completed: Int64?

    /// Creates a progress line.
    public init(status: String, digest: String? = nil, total: Int64? = nil, completed: Int64? = nil) {
        self.status = status
        self.digest = digest
        self.total = total
        self.completed = completed
    }
}
