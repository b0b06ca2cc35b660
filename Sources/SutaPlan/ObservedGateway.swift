/// What the gateway holds of the project's: its tagged services and routes and, for a
/// DB-less node, the node's whole configuration (which a load replaces, so the planner
/// merges the project's entities into it).
public struct ObservedGateway: Sendable, Hashable {
    public var services: [ObservedGatewayService]
    public var routes: [ObservedGatewayRoute]
    /// DB-less only: the node's configuration as `GET /config` exports it (YAML).
    public var document: String?

    public init(services: [ObservedGatewayService], routes: [ObservedGatewayRoute], document: String? = nil) {
        self.services = services
        self.routes = routes
        self.document = document
    }
}
