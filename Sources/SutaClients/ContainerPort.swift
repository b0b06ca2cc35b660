/// A port of a listed container (`GET /containers/json` `Ports[]`).
public struct ContainerPort: Decodable, Sendable, Equatable {
    /// The host address it is published on, when published.
    public var ip: String?
    /// The port inside the container.
    public var privatePort: Int
    /// The host port, when published.
    public var publicPort: Int?
    /// `tcp`, `udp` or `sctp`.
    public var type: String

    enum CodingKeys: String, CodingKey {
        case ip = "IP"
        case privatePort = "PrivatePort"
        case publicPort = "PublicPort"
        case type = "Type"
    }
}
