/// A fixed address for a container on one network (`EndpointSettings.IPAMConfig`).
public struct EndpointIPAMConfig: Codable, Sendable, Equatable {
    /// The IPv4 address, e.g. `10.201.7.10`; it must lie in the network's subnet.
    public var ipv4Address: String?

    /// Creates an address assignment.
    public init(ipv4Address: String?) {
        self.ipv4Address = ipv4Address
    }

    enum CodingKeys: String, CodingKey {
        case ipv4Address = "IPv4Address"
    }
}
