/// A model the Ollama server has on disk, as `GET /api/tags` lists it.
public struct OllamaModel: Decodable, Sendable, Equatable {
    /// The name in `name:tag` form (normalized with ``OllamaModelName/normalized(_:)``),
    /// e.g. `tinyllama:latest`.
    public var name: String
    /// Bytes on disk.
    public var size: Int64
    /// The manifest's digest (hex).
    public var digest: String
    /// When the model was last pulled or created, as the server wrote it (RFC 3339).
    public var modifiedAt: String

    /// Creates a model description; `name` is normalized.
    public init(name: String, size: Int64, digest: String, modifiedAt: String) {
        self.name = OllamaModelName.normalized(name)
        self.size = size
        self.digest = digest
        self.modifiedAt = modifiedAt
    }

    enum CodingKeys: String, CodingKey {
        case name
        case size
        case digest
        case modifiedAt = "modified_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            size: try container.decode(Int64.self, forKey: .size, default: 0),
            digest: try container.decode(String.self, forKey: .digest, default: ""),
            modifiedAt: try container.decode(String.self, forKey: .modifiedAt, default: ""))
    }
}
