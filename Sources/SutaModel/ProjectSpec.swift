import SutaYAML

/// Project-wide settings: the project name and where the engine, gateway, discovery agent
/// and model server are. Every field has a default, so a manifest set may omit the document.
public struct ProjectSpec: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation?
    public var defaultProfile: String?
    /// Extra directory of profiles, already made absolute against the declaring file.
    public var profilesDirectory: String?
    /// Variables declared secret (in addition to the names that look secret).
    public var secrets: [String]
    /// Engine address (`unix:///var/run/docker.sock`); DOCKER_HOST overrides it.
    public var engineHost: String?
    /// `engine.mode`: containers on one engine, or services on a swarm; `--engine` overrides it.
    public var engineMode: EngineMode = .docker
    public var gateway: GatewaySettings?
    public var discovery: DiscoverySettings?
    public var modelServer: ModelServerSettings?
    public var breakers: BreakerPolicy
    public var supervision: SupervisionPolicy
    /// `policy.dangerous`: whether settings the CIS Docker Benchmark flags are warnings or errors.
    public var dangerousSettings: DangerousSettingPolicy
    /// The default `update_config` and `rollback_config` of every service.
    public var updateConfig: RolloutPolicy?
    public var rollbackConfig: RolloutPolicy?

    public init(name: String, location: SourceLocation? = nil) {
        self.name = name
        self.location = location
        secrets = []
        breakers = BreakerPolicy()
        supervision = SupervisionPolicy()
        dangerousSettings = .warn
    }
}
