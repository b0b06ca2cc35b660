/// Where a Kong service forwards to, and its tags: the body of `PUT /services/{name}`
/// (the name goes in the URL), and the fields of a service in a declarative configuration.
///
/// Give either `url` (Kong's shorthand) or `protocol`, `host`, `port` and `path`. A PUT
/// replaces the whole service, so fields left out go back to Kong's defaults. Empty tags
/// are left out of the JSON.
public struct KongServiceBody: Codable, Sendable, Equatable {
    /// Shorthand for the four fields below, e.g. `http://api:8080/v1`.
    public var url: String?
    /// `http` or `https` (Kong also knows `grpc`, `tcp`, ...).
    public var `protocol`: String?
    /// The upstream host name or address.
    public var host: String?
    /// The upstream port.
    public var port: Int?
    /// The path prefixed to upstream requests, starting with `/`.
    public var path: String?
    /// Tags, e.g. the project that owns the service. A tag may not contain `,`, `/` or a space.
    public var tags: [String]

    /// A service that forwards to `url`.
    public init(url: String, tags: [String] = []) {
        self.url = url
        self.tags = tags
    }

    /// A service that forwards to `protocol`://`host`:`port``path`.
    public init(protocol: String = "http", host: String, port: Int, path: String? = nil, tags: [String] = []) {
        self.protocol = `protocol`
        self.host = host
        self.port = port
        self.path = path
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case url, `protocol`, host, port, path, tags
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        `protocol` = try container.decodeIfPresent(String.self, forKey: .protocol)
        host = try container.decodeIfPresent(String.self, forKey: .host)
        port = try container.decodeIfPresent(Int.self, forKey: .port)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        tags = try container.decode([String].self, forKey: .tags, default: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(`protocol`, forKey: .protocol)
        try container.encodeIfPresent(host, forKey: .host)
        try container.encodeIfPresent(port, forKey: .port)
        try container.encodeIfPresent(path, forKey: .path)
        if !tags.isEmpty { try container.encode(tags, forKey: .tags) }
    }
}
