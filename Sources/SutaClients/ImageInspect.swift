/// A local image (`GET /images/{name}/json`).
public struct ImageInspect: Decodable, Sendable, Equatable {
    /// The image ID (`sha256:…`).
    public var id: String
    /// Tags that point at it, e.g. `sutactl-standin:1`.
    public var repoTags: [String]
    /// Digests it was pulled by, e.g. `busybox@sha256:…`.
    public var repoDigests: [String]
    /// Creation time (RFC 3339).
    public var created: String
    /// Size in bytes.
    public var size: Int64
    /// The configuration containers inherit: entrypoint, command, env, labels, healthcheck.
    public var config: ContainerConfig?

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case repoTags = "RepoTags"
        case repoDigests = "RepoDigests"
        case created = "Created"
        case size = "Size"
        case config = "Config"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        repoTags = try container.decode([String].self, forKey: .repoTags, default: [])
        repoDigests = try container.decode([String].self, forKey: .repoDigests, default: [])
        created = try container.decode(String.self, forKey: .created, default: "")
        size = try container.decode(Int64.self, forKey: .size, default: 0)
        config = try container.decodeIfPresent(ContainerConfig.self, forKey: .config)
    }
}
