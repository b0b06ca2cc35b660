/// A volume (`GET /volumes/{name}`, `POST /volumes/create`, `GET /volumes`).
public struct Volume: Decodable, Sendable, Equatable {
    /// The name.
    public var name: String
    /// The driver, e.g. `local`.
    public var driver: String
    /// Where the volume's data lives on the host.
    public var mountpoint: String
    /// Volume labels.
    public var labels: [String: String]
    /// `local` or `global`.
    public var scope: String
    /// Driver options it was created with.
    public var options: [String: String]
    /// Creation time (RFC 3339), when the driver reports it.
    public var createdAt: String?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case driver = "Driver"
        case mountpoint = "Mountpoint"
        case labels = "Labels"
        case scope = "Scope"
        case options = "Options"
        case createdAt = "CreatedAt"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        driver = try container.decode(String.self, forKey: .driver, default: "")
        mountpoint = try container.decode(String.self, forKey: .mountpoint, default: "")
        labels = try container.decode([String: String].self, forKey: .labels, default: [:])
        scope = try container.decode(String.self, forKey: .scope, default: "")
        options = try container.decode([String: String].self, forKey: .options, default: [:])
        createdAt = try container.decodeIfPresent(String.self, forKey: .createdAt)
    }
}
