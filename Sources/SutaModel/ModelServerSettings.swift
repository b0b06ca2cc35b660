/// Where the model server (Ollama) is.
public struct ModelServerSettings: Sendable, Hashable {
    public var service: String?
    public var url: String?
    /// Models that must be present (and, where marked, preloaded).
    public var models: [ModelSpec]

    public init(service: String? = nil, url: String? = nil, models: [ModelSpec] = []) {
        self.service = service
        self.url = url
        self.models = models
    }
}
