/// A model an ``OllamaStandIn`` has on disk, as its `/api/tags` lists it.
public struct OllamaStandInModel: Sendable, Equatable {
    /// The name in `name:tag` form (a missing tag becomes `latest`).
    public var name: String
    /// Bytes on disk.
    public var size: Int64
    /// The manifest digest (hex).
    public var digest: String
    /// What `/api/show` reports the model can do: `completion` (generate, chat) or
    /// `embedding` (embed only), …
    public var capabilities: [String]

    /// Creates a model; the digest defaults to one derived from the name, the capabilities to
    /// `embedding` for a name with `embed` in it (`nomic-embed-text`, `mxbai-embed-large`) and
    /// `completion` otherwise: the stand-in's guess, since it has no model file to read.
    public init(name: String, size: Int64 = 637_700_138, digest: String? = nil, capabilities: [String]? = nil) {
        self.name = OllamaStandIn.normalized(name)
        self.size = size
        self.digest = digest ?? OllamaStandIn.fakeDigest(of: self.name)
        self.capabilities = capabilities ?? (self.name.contains("embed") ? ["embedding"] : ["completion"])
    }
}
