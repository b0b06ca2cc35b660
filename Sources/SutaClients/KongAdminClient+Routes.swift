import SutaPlan
extension KongAdminClient {
    /// Every route tagged `tag` (`GET /routes?tags=`), all pages. Works in both modes. Each
    /// route names its service by ID only.
    public func listRoutes(tag: String) async throws(KongError) -> [ObservedGatewayRoute] {
        try await listAll("/routes", tag: tag)
    }

    /// Creates the route `name` for the service `serviceName`, or replaces it whole when
    /// it exists (`PUT /routes/{name}` with `service: {"name": …}`), moving it to that
    /// service if need be. Database mode only: a DB-less Kong answers
    /// ``KongError/dbless(_:)``; an unknown service is a 400.
    @discardableResult
    public func upsertRoute(name: String, serviceName: String, _ body: KongRouteBody) async throws(KongError) -> ObservedGatewayRoute {
        let payload = try json(KongEntityBody(name: name, serviceName: serviceName, fields: body))
        return try await decoded(ObservedGatewayRoute.self, "PUT", "/routes/\(segment(name))", body: payload)
    }

    /// Creates the route `name` for the service `serviceName` (`POST /routes`) and never
    /// replaces one: when the name is taken, by a route of another service or of another
    /// owner, it throws ``KongError/conflict(_:)``. Database mode only.
    @discardableResult
    public func createRoute(name: String, serviceName: String, _ body: KongRouteBody) async throws(KongError) -> ObservedGatewayRoute {
        let payload = try json(KongEntityBody(name: name, serviceName: serviceName, fields: body))
        return try await decoded(ObservedGatewayRoute.self, "POST", "/routes", body: payload)
    }

    /// Deletes the route with this name or ID (`DELETE /routes/{nameOrID}`). A route that
    /// is already gone is success. Database mode only.
    public func deleteRoute(_ nameOrID: String) async throws(KongError) {
        try await call("DELETE", "/routes/\(segment(nameOrID))", alsoAccepted: [404])
    }
}
