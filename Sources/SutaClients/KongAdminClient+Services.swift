import SutaPlan
extension KongAdminClient {
    /// Every service tagged `tag` (`GET /services?tags=`), all pages. Works in both modes.
    /// A tag with `,`, `/` or a space is ``KongError/invalidRequest(_:)``.
    public func listServices(tag: String) async throws(KongError) -> [ObservedGatewayService] {
        try await listAll("/services", tag: tag)
    }

    /// Creates the service `name`, or replaces it whole when it exists
    /// (`PUT /services/{name}`; fields left out of `body` go back to Kong's defaults).
    /// Database mode only: a DB-less Kong answers ``KongError/dbless(_:)``.
    @discardableResult
    public func upsertService(name: String, _ body: KongServiceBody) async throws(KongError) -> ObservedGatewayService {
        let payload = try json(KongEntityBody(name: name, fields: body))
        return try await decoded(ObservedGatewayService.self, "PUT", "/services/\(segment(name))", body: payload)
    }

    /// Creates the service `name` (`POST /services`) and never replaces one: when the name
    /// is taken, by an entity of this project or anyone else's, it throws
    /// ``KongError/conflict(_:)``. Database mode only.
    @discardableResult
    public func createService(name: String, _ body: KongServiceBody) async throws(KongError) -> ObservedGatewayService {
        let payload = try json(KongEntityBody(name: name, fields: body))
        return try await decoded(ObservedGatewayService.self, "POST", "/services", body: payload)
    }

    /// Deletes the service with this name or ID (`DELETE /services/{nameOrID}`). A service
    /// that is already gone is success. Kong refuses (400) while routes still use the
    /// service: delete them first. Database mode only.
    public func deleteService(_ nameOrID: String) async throws(KongError) {
        try await call("DELETE", "/services/\(segment(nameOrID))", alsoAccepted: [404])
    }
}
