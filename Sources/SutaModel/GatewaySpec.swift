/// The gateway section of a service: which container port the gateway forwards to, and the routes.
public struct GatewaySpec: Sendable, Hashable {
    public var port: Int
    public var routes: [GatewayRoute]

    public init(port: Int, routes: [GatewayRoute]) {
        self.port = port
        self.routes = routes
    }
}
