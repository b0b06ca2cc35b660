/// A mount of an existing container, as inspect reports it (`Mounts[]`).
public struct MountPoint: Decodable, Sendable, Equatable {
    /// `volume`, `bind`, `tmpfs`, …
    public var type: MountType
    /// The volume name, for a volume.
    public var name: String?
    /// The host path (for a volume, its directory on the host).
    public var source: String
    /// The path inside the container.
    public var destination: String
    /// Whether it is writable.
    public var readWrite: Bool

    enum CodingKeys: String, CodingKey {
        case type = "Type"
        case name = "Name"
        case source = "Source"
        case destination = "Destination"
        case readWrite = "RW"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(MountType.self, forKey: .type)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        source = try container.decode(String.self, forKey: .source, default: "")
        destination = try container.decode(String.self, forKey: .destination)
        readWrite = try container.decode(Bool.self, forKey: .readWrite, default: true)
    }
}
