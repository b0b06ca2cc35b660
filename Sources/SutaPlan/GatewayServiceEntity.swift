import SutaModel

/// A gateway service (Kong's upstream) with its routes, derived from one manifest service.
public struct GatewayServiceEntity: Sendable, Hashable {
    public var name: String
    /// `http://SERVICE:PORT`: the gateway reaches the service by its network alias.
    public var url: String
    /// The routes with project-qualified names.
    public var routes: [GatewayRoute]

    public init(name: String, url: String, routes: [GatewayRoute]) {
        self.name = name
        self.url = url
        self.routes = routes
    }
}
