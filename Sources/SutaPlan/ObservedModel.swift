/// One declared model as the model server (Ollama) has it, read before planning.
public struct ObservedModel: Sendable, Hashable {
    /// The name the manifests give it.
    public var name: String
    public var present: Bool
    /// In memory now.
    public var loaded: Bool
    public var sizeBytes: Int64?
    /// What the server says the model can do (`/api/show`: `completion`, `embedding`, ...);
    /// read for present models that are not loaded, nil otherwise.
    public var capabilities: [String]?

    public init(name: String, present: Bool, loaded: Bool, sizeBytes: Int64? = nil, capabilities: [String]? = nil) {
        self.name = name
        self.present = present
        self.loaded = loaded
        self.sizeBytes = sizeBytes
        self.capabilities = capabilities
    }
}
