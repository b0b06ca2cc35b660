/// One address pool of a network (`IPAM.Config[]`).
public struct IPAMPool: Codable, Sendable, Equatable {
    /// The subnet in CIDR form, e.g. `10.201.7.0/24`.
    public var subnet: String?
    /// The gateway address, e.g. `10.201.7.1`.
    public var gateway: String?
    /// The sub-range that dynamic addresses come from, e.g. `10.201.7.128/25`.
    public var ipRange: String?

    /// Creates a pool; `nil` fields are not sent.
    public init(subnet: String? = nil, gateway: String? = nil, ipRange: String? = nil) {
        self.subnet = subnet
        self.gateway = gateway
        self.ipRange = ipRange
    }

    enum CodingKeys: String, CodingKey {
        case subnet = "Subnet"
        case gateway = "Gateway"
        case ipRange = "IPRange"
    }
}
