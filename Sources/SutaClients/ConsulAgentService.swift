/// A service registered with the local Consul agent, as `GET /v1/agent/services` lists it
/// (its checks are not part of this view).
public struct ConsulAgentService: Decodable, Sendable, Equatable {
    /// The service ID, unique on this agent.
    public var id: String
    /// The service name (many instances may share it).
    public var service: String
    /// The tags.
    public var tags: [String]
    /// Free-form key/value metadata.
    public var meta: [String: String]
    /// The port.
    public var port: Int
    /// The address; empty means the agent's own address.
    public var address: String

    enum CodingKeys: String, CodingKey {
        case id = "ID"
        case service = "Service"
        case tags = "Tags"
        case meta = "Meta"
        case port = "Port"
        case address = "Address"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        service = try container.decode(String.self, forKey: .service)
        tags = try container.decode([String].self, forKey: .tags, default: [])
        meta = try container.decode([String: String].self, forKey: .meta, default: [:])
        port = try container.decode(Int.self, forKey: .port, default: 0)
        address = try container.decode(String.self, forKey: .address, default: "")
    }

    /// Whether the registered service has what `registration` asks for: ID, name, tags (in
    /// any order), meta, address (none and empty are the same) and port. The agent does not
    /// list checks here, so a changed check goes unnoticed: record a hash of the check in
    /// ``ConsulServiceRegistration/meta`` to see it.
    public func matches(_ registration: ConsulServiceRegistration) -> Bool {
        id == registration.id && service == registration.name && tags.sorted() == registration.tags.sorted()
            && meta == registration.meta && address == (registration.address ?? "") && port == registration.port
    }
}
