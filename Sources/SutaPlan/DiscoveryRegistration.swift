/// A discovery (Consul) registration as sutactl wants it: the service on its published
/// loopback port, with a check there, owned by the project through its meta.
public struct DiscoveryRegistration: Sendable, Hashable {
    /// The check the agent runs.
    public enum Check: Sendable, Hashable {
        case http(url: String, interval: Duration, timeout: Duration)
        case tcp(address: String, interval: Duration, timeout: Duration)
    }

    public var id: String
    /// The manifest service registered (not sent: the plan's edges use it).
    public var service: String
    public var name: String
    public var tags: [String]
    public var meta: [String: String]
    public var address: String
    public var port: Int
    public var check: Check?

    public init(id: String, service: String, name: String, tags: [String], meta: [String: String], address: String, port: Int, check: Check?) {
        self.id = id
        self.service = service
        self.name = name
        self.tags = tags
        self.meta = meta
        self.address = address
        self.port = port
        self.check = check
    }
}
