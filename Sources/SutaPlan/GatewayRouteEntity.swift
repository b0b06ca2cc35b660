/// A gateway route as sutactl wants it in Kong: named per project, tagged as owned.
public struct GatewayRouteEntity: Sendable, Hashable {
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
