/// A container attached to a network (`Containers` values in network inspect).
public struct NetworkContainer: Decodable, Sendable, Equatable {
    /// The container's name (no leading `/`).
    public var name: String
    /// The endpoint's ID.
    public var endpointID: String
    /// The endpoint's MAC address.
    public var macAddress: String
    /// The IPv4 address with its prefix, e.g. `10.201.7.2/24`.
    public var ipv4Address: String
    /// The IPv6 address with its prefix, if any.
    public var ipv6Address: String

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case endpointID = "EndpointID"
        case macAddress = "MacAddress"
        case ipv4Address = "IPv4Address"
        case ipv6Address = "IPv6Address"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name, default: "")
        endpointID = try container.decode(String.self, forKey: .endpointID, default: "")
        macAddress = try container.decode(String.self, forKey: .macAddress, default: "")
        ipv4Address = try container.decode(String.self, forKey: .ipv4Address, default: "")
        ipv6Address = try container.decode(String.self, forKey: .ipv6Address, default: "")
    }
}
