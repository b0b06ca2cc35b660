/// A service in a ``KongDeclarativeConfig``, with its routes nested. In the JSON the name,
/// the body's fields and `routes` sit side by side:
/// `{"name":"api","url":"http://api:8080","tags":["demo"],"routes":[...]}`.
public struct KongDeclarativeService: Codable, Sendable, Equatable {
    /// The service's name, unique among all services.
    public var name: String
    /// Where the service forwards to, and its tags.
    public var body: KongServiceBody
    /// The service's routes. They are written sorted by name.
    public var routes: [KongDeclarativeRoute]

    /// Creates a service.
    public init(name: String, body: KongServiceBody, routes: [KongDeclarativeRoute] = []) {
        self.name = name
        self.body = body
        self.routes = routes
    }

    enum CodingKeys: String, CodingKey {
        case name, routes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        body = try KongServiceBody(from: decoder)
        routes = try container.decode([KongDeclarativeRoute].self, forKey: .routes, default: [])
    }

    public func encode(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(routes.sorted { $0.name < $1.name }, forKey: .routes)
    }
}
