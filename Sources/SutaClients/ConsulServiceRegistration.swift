/// A service to register with the local Consul agent: the body of
/// `PUT /v1/agent/service/register`.
///
/// Registering the same ID again replaces the registration. Keep IDs to letters, digits
/// and `-`: an ID with `/` cannot be deregistered reliably, so the client refuses it.
public struct ConsulServiceRegistration: Encodable, Sendable, Equatable {
    /// The service ID, unique on the agent (Consul defaults it to the name; this client
    /// always sends it).
    public var id: String
    /// The service name.
    public var name: String
    /// The tags.
    public var tags: [String]
    /// Free-form key/value metadata, e.g. the owning project and a config hash.
    public var meta: [String: String]
    /// The address; `nil` means the agent's own address.
    public var address: String?
    /// The port.
    public var port: Int
    /// The health check, if any.
    public var check: ConsulCheck?

    /// Creates a registration.
    public init(id: String, name: String, tags: [String] = [], meta: [String: String] = [:], address: String? = nil, port: Int, check: ConsulCheck? = nil) {
        self.id = id
        self.name = name
        self.tags = tags
        self.meta = meta
        self.address = address
        self.port = port
        self.check = check
    }

    enum CodingKeys: String, CodingKey {
        case id = "ID"
        case name = "Name"
        case tags = "Tags"
        case meta = "Meta"
        case address = "Address"
        case port = "Port"
        case check = "Check"
    }
}
