/// A route as Kong stores it (`GET /routes`, `PUT /routes/{name}`).
public struct KongRoute: Decodable, Sendable, Equatable {
    /// The UUID Kong gave the route.
    public var id: String
    /// The name; Kong allows routes without one.
    public var name: String?
    /// Path prefixes (or `~` regular expressions).
    public var paths: [String]
    /// HTTP methods; empty matches every method.
    public var methods: [String]
    /// Host names; empty matches every host.
    public var hosts: [String]
    /// Whether the matched prefix is removed before forwarding.
    public var stripPath: Bool
    /// The tags.
    public var tags: [String]
    /// The ID of the service the route forwards to (Kong returns `service: {"id": …}`).
    public var serviceID: String?

    enum CodingKeys: String, CodingKey {
        case id, name, paths, methods, hosts, tags, service
        case stripPath = "strip_path"
    }

    enum ServiceKeys: String, CodingKey {
        case id
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        paths = try container.decode([String].self, forKey: .paths, default: [])
        methods = try container.decode([String].self, forKey: .methods, default: [])
        hosts = try container.decode([String].self, forKey: .hosts, default: [])
        stripPath = try container.decode(Bool.self, forKey: .stripPath, default: true)
        tags = try container.decode([String].self, forKey: .tags, default: [])
        if container.contains(.service), try !container.decodeNil(forKey: .service) {
            serviceID = try container.nestedContainer(keyedBy: ServiceKeys.self, forKey: .service).decode(String.self, forKey: .id)
        } else {
            serviceID = nil
        }
    }

    /// Whether the route already matches what `body` says and forwards to the service with
    /// `serviceID`, so that upserting it would change nothing. Paths compare in order;
    /// methods, hosts and tags in any order.
    public func matches(_ body: KongRouteBody, serviceID: String) -> Bool {
        self.serviceID == serviceID && paths == body.paths && methods.sorted() == body.methods.sorted()
            && hosts.sorted() == body.hosts.sorted() && stripPath == body.stripPath && tags.sorted() == body.tags.sorted()
    }
}
