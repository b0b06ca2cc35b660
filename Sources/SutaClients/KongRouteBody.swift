/// What a Kong route matches and how it forwards: the body of `PUT /routes/{name}` (the
/// name goes in the URL, the service is given separately), and the fields of a route in a
/// declarative configuration.
///
/// Kong needs at least one of `paths`, `methods` and `hosts`. Empty lists are left out of
/// the JSON.
public struct KongRouteBody: Codable, Sendable, Equatable {
    /// Path prefixes, e.g. `/api`; a regular expression starts with `~`.
    public var paths: [String]
    /// HTTP methods, e.g. `GET`; empty matches every method.
    public var methods: [String]
    /// Host names; empty matches every host.
    public var hosts: [String]
    /// Whether the matched path prefix is removed before forwarding (Kong's default: true).
    public var stripPath: Bool
    /// Tags, e.g. the project that owns the route.
    public var tags: [String]

    /// Creates a route body.
    public init(paths: [String] = [], methods: [String] = [], hosts: [String] = [], stripPath: Bool = true, tags: [String] = []) {
        self.paths = paths
        self.methods = methods
        self.hosts = hosts
        self.stripPath = stripPath
        self.tags = tags
    }

    enum CodingKeys: String, CodingKey {
        case paths, methods, hosts, tags
        case stripPath = "strip_path"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        paths = try container.decode([String].self, forKey: .paths, default: [])
        methods = try container.decode([String].self, forKey: .methods, default: [])
        hosts = try container.decode([String].self, forKey: .hosts, default: [])
        stripPath = try container.decode(Bool.self, forKey: .stripPath, default: true)
        tags = try container.decode([String].self, forKey: .tags, default: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if !paths.isEmpty { try container.encode(paths, forKey: .paths) }
        if !methods.isEmpty { try container.encode(methods, forKey: .methods) }
        if !hosts.isEmpty { try container.encode(hosts, forKey: .hosts) }
        try container.encode(stripPath, forKey: .stripPath)
        if !tags.isEmpty { try container.encode(tags, forKey: .tags) }
    }
}
