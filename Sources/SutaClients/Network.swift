/// A network, as listed (`GET /networks`) or inspected (`GET /networks/{id}`).
public struct Network: Decodable, Sendable, Equatable {
    /// The name.
    public var name: String
    /// The full ID.
    public var id: String
    /// Creation time (RFC 3339).
    public var created: String
    /// `local` or `swarm`.
    public var scope: String
    /// `bridge`, `overlay`, `host`, `null`, …
    public var driver: String
    /// Whether IPv6 is enabled.
    public var enableIPv6: Bool
    /// Address management.
    public var ipam: IPAM
    /// Whether the network has no outside connectivity.
    public var `internal`: Bool
    /// Whether standalone containers may attach.
    public var attachable: Bool
    /// Driver options.
    public var options: [String: String]
    /// Network labels.
    public var labels: [String: String]
    /// Container ID → attachment. Only inspect fills it; the list leaves it empty.
    public var containers: [String: NetworkContainer]

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case id = "Id"
        case created = "Created"
        case scope = "Scope"
        case driver = "Driver"
        case enableIPv6 = "EnableIPv6"
        case ipam = "IPAM"
        case `internal` = "Internal"
        case attachable = "Attachable"
        case options = "Options"
        case labels = "Labels"
        case containers = "Containers"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        id = try container.decode(String.self, forKey: .id)
        created = try container.decode(String.self, forKey: .created, default: "")
        scope = try container.decode(String.self, forKey: .scope, default: "")
        driver = try container.decode(String.self, forKey: .driver, default: "")
        enableIPv6 = try container.decode(Bool.self, forKey: .enableIPv6, default: false)
        ipam = try container.decode(IPAM.self, forKey: .ipam, default: IPAM())
        `internal` = try container.decode(Bool.self, forKey: .internal, default: false)
        attachable = try container.decode(Bool.self, forKey: .attachable, default: false)
        options = try container.decode([String: String].self, forKey: .options, default: [:])
        labels = try container.decode([String: String].self, forKey: .labels, default: [:])
        containers = try container.decode([String: NetworkContainer].self, forKey: .containers, default: [:])
    }
}
