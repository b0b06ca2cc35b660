/// Address management of a network: its subnet, gateway and allocation range.
public struct IPAMConfig: Sendable, Hashable {
    public var subnet: IPv4Subnet
    public var gateway: String?
    public var ipRange: IPv4Subnet?

    public init(subnet: IPv4Subnet, gateway: String?, ipRange: IPv4Subnet?) {
        self.subnet = subnet
        self.gateway = gateway
        self.ipRange = ipRange
    }
}
