/// Where the model server (Ollama) is.
public struct ModelServerSettings: Sendable, Hashable {
    public var service: String?
    public var url: String?

    public init(service: String? = nil, url: String? = nil) {
        self.service = service
        self.url = url
    }
}
