/// A route in a ``KongDeclarativeService``: its name and what it matches. In the JSON the
/// name and the body's fields sit side by side: `{"name":"api","paths":["/api"],...}`.
public struct KongDeclarativeRoute: Codable, Sendable, Equatable {
    /// The route's name, unique among all routes.
    public var name: String
    /// What the route matches and how it forwards.
    public var body: KongRouteBody

    /// Creates a route.
    public init(name: String, body: KongRouteBody) {
        self.name = name
        self.body = body
    }

    enum CodingKeys: String, CodingKey {
        case name
    }

    public init(from decoder: any Decoder) throws {
        name = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .name)
        body = try KongRouteBody(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try body.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
    }
}
