import SutaYAML

/// One gateway (Kong) route to a service.
public struct GatewayRoute: Sendable, Hashable {
    public var name: String
    public var paths: [String]
    public var methods: [String]
    public var hosts: [String]
    public var stripPath: Bool
    /// Where the route is written, for the gateway's naming rules (not part of the value).
    public var location: SourceLocation?

    public init(name: String, paths: [String], methods: [String], hosts: [String], stripPath: Bool, location: SourceLocation? = nil) {
        self.name = name
        self.paths = paths
        self.methods = methods
        self.hosts = hosts
        self.stripPath = stripPath
        self.location = location
    }

    public static func == (lhs: GatewayRoute, rhs: GatewayRoute) -> Bool {
        lhs.name == rhs.name && lhs.paths == rhs.paths && lhs.methods == rhs.methods && lhs.hosts == rhs.hosts && lhs.stripPath == rhs.stripPath
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(paths)
        hasher.combine(methods)
        hasher.combine(hosts)
        hasher.combine(stripPath)
    }
}
