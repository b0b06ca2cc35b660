/// The body of `POST /containers/create`: what the container runs (image, command,
/// environment, labels, healthcheck), its ``HostConfig``, and the networks it joins.
/// `nil` fields are not sent; `Tty` is always false (so logs are multiplexed).
public struct ContainerCreateBody: Encodable, Sendable, Equatable {
    /// The image reference, e.g. `sutactl-standin:1`. It must exist: create never pulls.
    public var image: String
    /// The command (arguments to the entrypoint).
    public var cmd: [String]?
    /// The entrypoint; `[]` clears the image's.
    public var entrypoint: [String]?
    /// `KEY=value` entries.
    public var env: [String]?
    /// Container labels.
    public var labels: [String: String]?
    /// `uid`, `uid:gid` or a user name.
    public var user: String?
    /// The working directory.
    public var workingDir: String?
    /// Ports the container exposes, e.g. `8080/tcp` (sent as `{"8080/tcp":{}}`).
    public var exposedPorts: [String]?
    /// The signal that stops the container, e.g. `SIGTERM`.
    public var stopSignal: String?
    /// Seconds to wait after the stop signal before SIGKILL.
    public var stopTimeout: Int?
    /// The healthcheck.
    public var healthcheck: Healthcheck?
    /// Ports, mounts, limits, restart policy, security and network mode.
    public var hostConfig: HostConfig?
    /// Network name → endpoint settings (`NetworkingConfig.EndpointsConfig`).
    ///
    /// ``DockerClient/createContainer(name:body:)`` sets `HostConfig.NetworkMode` to the
    /// first network (in name order) when it is unset, and on engines before API 1.44,
    /// which accept one network at create, connects the others right after.
    public var networks: [String: EndpointSettings]

    /// Creates a body; `nil` fields are not sent.
    public init(
        image: String,
        cmd: [String]? = nil,
        entrypoint: [String]? = nil,
        env: [String]? = nil,
        labels: [String: String]? = nil,
        user: String? = nil,
        workingDir: String? = nil,
        exposedPorts: [String]? = nil,
        stopSignal: String? = nil,
        stopTimeout: Int? = nil,
        healthcheck: Healthcheck? = nil,
        hostConfig: HostConfig? = nil,
        networks: [String: EndpointSettings] = [:]
    ) {
        self.image = image
        self.cmd = cmd
        self.entrypoint = entrypoint
        self.env = env
        self.labels = labels
        self.user = user
        self.workingDir = workingDir
        self.exposedPorts = exposedPorts
        self.stopSignal = stopSignal
        self.stopTimeout = stopTimeout
        self.healthcheck = healthcheck
        self.hostConfig = hostConfig
        self.networks = networks
    }

    enum CodingKeys: String, CodingKey {
        case image = "Image"
        case cmd = "Cmd"
        case entrypoint = "Entrypoint"
        case env = "Env"
        case labels = "Labels"
        case user = "User"
        case workingDir = "WorkingDir"
        case exposedPorts = "ExposedPorts"
        case stopSignal = "StopSignal"
        case stopTimeout = "StopTimeout"
        case healthcheck = "Healthcheck"
        case tty = "Tty"
        case hostConfig = "HostConfig"
        case networkingConfig = "NetworkingConfig"
    }

    private enum NetworkingKeys: String, CodingKey {
        case endpointsConfig = "EndpointsConfig"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(image, forKey: .image)
        try container.encodeIfPresent(cmd, forKey: .cmd)
        try container.encodeIfPresent(entrypoint, forKey: .entrypoint)
        try container.encodeIfPresent(env, forKey: .env)
        try container.encodeIfPresent(labels, forKey: .labels)
        try container.encodeIfPresent(user, forKey: .user)
        try container.encodeIfPresent(workingDir, forKey: .workingDir)
        let exposed = exposedPorts.map { ports in
            Dictionary(ports.map { ($0, [String: String]()) }, uniquingKeysWith: { first, _ in first })
        }
        try container.encodeIfPresent(exposed, forKey: .exposedPorts)
        try container.encodeIfPresent(stopSignal, forKey: .stopSignal)
        try container.encodeIfPresent(stopTimeout, forKey: .stopTimeout)
        try container.encodeIfPresent(healthcheck, forKey: .healthcheck)
        try container.encode(false, forKey: .tty)
        try container.encodeIfPresent(hostConfig, forKey: .hostConfig)
        if !networks.isEmpty {
            var networking = container.nestedContainer(keyedBy: NetworkingKeys.self, forKey: .networkingConfig)
            try networking.encode(networks, forKey: .endpointsConfig)
        }
    }

    /// The body to send to an engine speaking `version`, and the networks to connect
    /// after the create: the network mode defaults to the first network, and before API
    /// 1.44 only that network goes in the body.
    func prepared(for version: DockerAPIVersion) -> (body: ContainerCreateBody, connectLater: [(network: String, settings: EndpointSettings)]) {
        guard !networks.isEmpty else { return (self, []) }
        var body = self
        let names = networks.keys.sorted()
        let mode = hostConfig?.networkMode
        let primary = mode.flatMap { networks[$0] == nil ? nil : $0 } ?? names[0]
        if mode == nil {
            var host = hostConfig ?? HostConfig()
            host.networkMode = primary
            body.hostConfig = host
        }
        guard version < DockerAPIVersion(1, 44), networks.count > 1 else { return (body, []) }
        body.networks = [primary: networks[primary]!]
        let later = names.filter { $0 != primary }.map { (network: $0, settings: networks[$0]!) }
        return (body, later)
    }
}
