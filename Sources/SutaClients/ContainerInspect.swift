/// One container in detail (`GET /containers/{id}/json`).
public struct ContainerInspect: Decodable, Sendable, Equatable {
    /// The full ID.
    public var id: String
    /// The name with its leading `/`.
    public var name: String
    /// The image's ID (`sha256:…`); the reference given at create is ``config``'s `image`.
    public var image: String
    /// Creation time (RFC 3339).
    public var created: String
    /// How often the engine restarted it under its restart policy.
    public var restartCount: Int
    /// Run state and health.
    public var state: ContainerState
    /// What it runs with: image reference, env, labels, healthcheck.
    public var config: ContainerConfig
    /// Ports, mounts, limits, restart policy, network mode.
    public var hostConfig: HostConfig
    /// Network name → attachment (`NetworkSettings.Networks`).
    public var networks: [String: EndpointSettings]
    /// `"8080/tcp"` → where it is published now (`NetworkSettings.Ports`); an exposed but
    /// unpublished port maps to `[]`.
    public var ports: [String: [PortBinding]]
    /// Volumes and other mounts.
    public var mounts: [MountPoint]

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case name = "Name"
        case image = "Image"
        case created = "Created"
        case restartCount = "RestartCount"
        case state = "State"
        case config = "Config"
        case hostConfig = "HostConfig"
        case networkSettings = "NetworkSettings"
        case mounts = "Mounts"
    }

    private enum NetworkSettingsKeys: String, CodingKey {
        case networks = "Networks"
        case ports = "Ports"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name, default: "")
        image = try container.decode(String.self, forKey: .image, default: "")
        created = try container.decode(String.self, forKey: .created, default: "")
        restartCount = try container.decode(Int.self, forKey: .restartCount, default: 0)
        state = try container.decode(ContainerState.self, forKey: .state)
        config = try container.decode(ContainerConfig.self, forKey: .config)
        hostConfig = try container.decode(HostConfig.self, forKey: .hostConfig, default: HostConfig())
        mounts = try container.decode([MountPoint].self, forKey: .mounts, default: [])
        if container.contains(.networkSettings), try !container.decodeNil(forKey: .networkSettings) {
            let settings = try container.nestedContainer(keyedBy: NetworkSettingsKeys.self, forKey: .networkSettings)
            networks = try settings.decode([String: EndpointSettings].self, forKey: .networks, default: [:])
            let published = try settings.decode([String: [PortBinding]?].self, forKey: .ports, default: [:])
            ports = published.mapValues { $0 ?? [] }
        } else {
            networks = [:]
            ports = [:]
        }
    }
}
