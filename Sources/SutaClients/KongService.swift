/// A service as Kong stores it (`GET /services`, `PUT /services/{name}`).
public struct KongService: Decodable, Sendable, Equatable {
    /// The UUID Kong gave the service.
    public var id: String
    /// The name; Kong allows services without one.
    public var name: String?
    /// `http`, `https`, ...
    public var `protocol`: String
    /// The upstream host.
    public var host: String
    /// The upstream port.
    public var port: Int
    /// The upstream path, if any.
    public var path: String?
    /// The tags.
    public var tags: [String]

    enum CodingKeys: String, CodingKey {
        case id, name, `protocol`, host, port, path, tags
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        `protocol` = try container.decode(String.self, forKey: .protocol, default: "http")
        host = try container.decode(String.self, forKey: .host)
        port = try container.decode(Int.self, forKey: .port, default: 80)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        tags = try container.decode([String].self, forKey: .tags, default: [])
    }

    /// Whether the service already forwards where `body` says, with the same tags in any
    /// order, so that upserting `body` would change nothing. A `url` is compared as Kong
    /// spells it out (`http://api:8080` is protocol `http`, host `api`, port 8080, no
    /// path); a protocol or port left out of `body` means Kong's default (`http`, 80).
    public func matches(_ body: KongServiceBody) -> Bool {
        let wanted = body.expanded
        return (wanted.protocol ?? "http") == `protocol` && wanted.host == host && (wanted.port ?? 80) == port
            && wanted.path == path && wanted.tags.sorted() == tags.sorted()
    }
}
