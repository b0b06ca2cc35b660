/// A container's attachment to one network: what to ask for when creating or connecting
/// (aliases, a fixed address), and what inspect reports (IDs, address, gateway).
public struct EndpointSettings: Codable, Sendable, Equatable {
    /// DNS names of the container on this network. Before API 1.45 inspect adds the
    /// container's short ID.
    public var aliases: [String]?
    /// A fixed address.
    public var ipamConfig: EndpointIPAMConfig?
    /// Inspect only: the network's ID.
    public var networkID: String?
    /// Inspect only: the endpoint's ID.
    public var endpointID: String?
    /// Inspect only: the network's gateway.
    public var gateway: String?
    /// Inspect only: the container's IPv4 address on this network.
    public var ipAddress: String?
    /// Inspect only: the prefix length of that address.
    public var ipPrefixLength: Int?
    /// Inspect only: the endpoint's MAC address.
    public var macAddress: String?

    /// Settings to request: DNS aliases and an optional fixed IPv4 address.
    public init(aliases: [String]? = nil, ipv4Address: String? = nil) {
        self.aliases = aliases
        ipamConfig = ipv4Address.map { EndpointIPAMConfig(ipv4Address: $0) }
    }

    enum CodingKeys: String, CodingKey {
        case aliases = "Aliases"
        case ipamConfig = "IPAMConfig"
        case networkID = "NetworkID"
        case endpointID = "EndpointID"
        case gateway = "Gateway"
        case ipAddress = "IPAddress"
        case ipPrefixLength = "IPPrefixLen"
        case macAddress = "MacAddress"
    }
}
