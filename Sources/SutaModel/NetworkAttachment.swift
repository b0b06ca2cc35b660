import SutaYAML

/// A service's membership of one network.
public struct NetworkAttachment: Sendable, Hashable {
    public var network: String
    public var aliases: [String]
    public var ipv4Address: String?
    public var location: SourceLocation

    public init(network: String, aliases: [String], ipv4Address: String?, location: SourceLocation) {
        self.network = network
        self.aliases = aliases
        self.ipv4Address = ipv4Address
        self.location = location
    }
}
