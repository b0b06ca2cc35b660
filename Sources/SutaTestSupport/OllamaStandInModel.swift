/// A model an ``OllamaStandIn`` has on disk, as its `/api/tags` lists it.
public struct OllamaStandInModel: Sendable, Equatable {
    /// The name in `name:tag` form (a missing tag becomes `latest`).
    public var name: String
    /// Bytes on disk.
    public var size: Int64
    /// The manifest digest (hex).
    public var digest: String

    /// Creates a model; the digest defaults to one derived from the name.
    public init(name: String, size: Int64 = 637_700_138, digest: String? = nil) {
        self.name = OllamaStandIn.normalized(name)
        self.size = size
        self.digest = digest ?? OllamaStandIn.fakeDigest(of: self.name)
    }
}
