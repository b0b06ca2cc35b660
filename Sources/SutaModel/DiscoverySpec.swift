import SutaYAML

/// The discovery (Consul) registration of a service.
public struct DiscoverySpec: Sendable, Hashable {
    public var name: String
    public var port: Int
    public var tags: [String]
    public var meta: [String: String]
    public var check: DiscoveryCheck?
    /// Where `meta` (or, without it, the discovery section) is written, for the agent's meta
    /// rules (not part of the value).
    public var metaLocation: SourceLocation?

    public init(name: String, port: Int, tags: [String], meta: [String: String], check: DiscoveryCheck?, metaLocation: SourceLocation? = nil) {
        self.name = name
        self.port = port
        self.tags = tags
        self.meta = meta
        self.check = check
        self.metaLocation = metaLocation
    }

    public static func == (lhs: DiscoverySpec, rhs: DiscoverySpec) -> Bool {
        lhs.name == rhs.name && lhs.port == rhs.port && lhs.tags == rhs.tags && lhs.meta == rhs.meta && lhs.check == rhs.check
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(port)
        hasher.combine(tags)
        hasher.combine(meta)
        hasher.combine(check)
    }
}
