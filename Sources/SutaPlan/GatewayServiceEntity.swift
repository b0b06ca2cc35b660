import SutaModel

/// A gateway service (Kong's upstream) with its routes, derived from one manifest service.
public struct GatewayServiceEntity: Sendable, Hashable {
    public var name: String
    /// The manifest service it forwards to.
    public var service: String
    /// `http://SERVICE:PORT`: the gateway reaches the service by its network alias.
    public var url: String
    /// The routes with project-qualified names.
    public var routes: [GatewayRoute]

    public init(name: String, service: String, url: String, routes: [GatewayRoute]) {
        self.name = name
        self.service = service
        self.url = url
        self.routes = routes
    }
}
