import SutaYAML

/// A service's membership of one network.
public struct NetworkAttachment: Sendable, Hashable {
    public var network: String
    public var aliases: [String]
    public var ipv4Address: String?
    /// Where the network is named.
    public var location: SourceLocation
    /// Where `ipv4_address` is given, when it is.
    public var addressLocation: SourceLocation?

    public init(network: String, aliases: [String], ipv4Address: String?, location: SourceLocation, addressLocation: SourceLocation? = nil) {
        self.network = network
        self.aliases = aliases
        self.ipv4Address = ipv4Address
        self.location = location
        self.addressLocation = addressLocation
    }
}
