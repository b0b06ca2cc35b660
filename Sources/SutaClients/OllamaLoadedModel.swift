/// A model the Ollama server holds in memory, as `GET /api/ps` lists it.
public struct OllamaLoadedModel: Decodable, Sendable, Equatable {
    /// The name in `name:tag` form (normalized with ``OllamaModelName/normalized(_:)``).
    public var name: String
    /// Bytes of memory the model takes in all.
    public var size: Int64
    /// The part of ``size`` in GPU memory (0 on a CPU-only server).
    public var sizeVRAM: Int64
    /// The manifest's digest (hex).
    public var digest: String
    /// When the server will unload the model unless it is used again, as the server wrote
    /// it (RFC 3339); far in the future for a model kept loaded forever.
    public var expiresAt: String

    /// Creates a loaded-model description; `name` is normalized.
    public init(name: String, size: Int64, sizeVRAM: Int64, digest: String, expiresAt: String) {
        self.name = OllamaModelName.normalized(name)
        self.size = size
        self.sizeVRAM = sizeVRAM
        self.digest = digest
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case name
        case size
        case sizeVRAM = "size_vram"
        case digest
        case expiresAt = "expires_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            size: try container.decode(Int64.self, forKey: .size, default: 0),
            sizeVRAM: try container.decode(Int64.self, forKey: .sizeVRAM, default: 0),
            digest: try container.decode(String.self, forKey: .digest, default: ""),
            expiresAt: try container.decode(String.self, forKey: .expiresAt, default: ""))
    }
}
