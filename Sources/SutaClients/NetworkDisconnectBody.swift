/// The body of `POST /networks/{id}/disconnect`.
struct NetworkDisconnectBody: Encodable {
    /// The container's ID or name.
    var container: String
    /// Whether to disconnect even if the container is gone or the endpoint is stale.
    var force: Bool

    enum CodingKeys: String, CodingKey {
        case container = "Container"
        case force = "Force"
    }
}
