/// A gateway (Kong) route as the gateway holds it, read before planning.
public struct ObservedGatewayRoute: Sendable, Hashable {
    /// The ID the gateway gave it.
    public var id: String
    public var name: String?
    public var paths: [String]
    public var methods: [String]
    public var hosts: [String]
    public var stripPath: Bool
    public var tags: [String]
    /// The ID of the service it forwards to.
    public var serviceID: String?

    public init(id: String, name: String?, paths: [String], methods: [String], hosts: [String], stripPath: Bool, tags: [String],
                serviceID: String?) {
        self.id = id
        self.name = name
        self.paths = paths
        self.methods = methods
        self.hosts = hosts
        self.stripPath = stripPath
        self.tags = tags
        self.serviceID = serviceID
    }
}
