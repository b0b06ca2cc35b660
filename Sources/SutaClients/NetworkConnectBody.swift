/// The body of `POST /networks/{id}/connect`.
struct NetworkConnectBody: Encodable {
    /// The container's ID or name.
    var container: String
    /// Aliases and a fixed address.
    var endpointConfig: EndpointSettings?

    enum CodingKeys: String, CodingKey {
        case container = "Container"
        case endpointConfig = "EndpointConfig"
    }
}
