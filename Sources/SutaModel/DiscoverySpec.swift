/// The discovery (Consul) registration of a service.
public struct DiscoverySpec: Sendable, Hashable {
    public var name: String
    public var port: Int
    public var tags: [String]
    public var meta: [String: String]
    public var check: DiscoveryCheck?

    public init(name: String, port: Int, tags: [String], meta: [String: String], check: DiscoveryCheck?) {
        self.name = name
        self.port = port
        self.tags = tags
        self.meta = meta
        self.check = check
    }
}
