/// One gateway (Kong) route to a service.
public struct GatewayRoute: Sendable, Hashable {
    public var name: String
    public var paths: [String]
    public var methods: [String]
    public var hosts: [String]
    public var stripPath: Bool

    public init(name: String, paths: [String], methods: [String], hosts: [String], stripPath: Bool) {
        self.name = name
        self.paths = paths
        self.methods = methods
        self.hosts = hosts
        self.stripPath = stripPath
    }
}
