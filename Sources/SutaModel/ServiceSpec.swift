import SutaYAML

/// The desired state of one service, after interpolation and profile overrides.
public struct ServiceSpec: Sendable, Hashable {
    public var name: String
    /// Where the service's `metadata.name` is written.
    public var location: SourceLocation
    public var image: String
    /// Where the image is written (image warnings point here).
    public var imageLocation: SourceLocation
    public var entrypoint: [String]?
    public var command: [String]?
    public var workingDir: String?
    /// Sorted by name.
    public var environment: [EnvironmentVariable]
    public var ports: [PortMapping]
    public var volumes: [VolumeMount]
    public var networks: [NetworkAttachment]
    public var resources: ResourceLimits
    public var healthcheck: HealthCheck?
    public var dependsOn: [Dependency]
    public var restart: RestartPolicy
    public var user: String?
    public var readOnlyRootFilesystem: Bool
    public var capDrop: [String]
    public var capAdd: [String]
    public var securityOptions: [String]
    public var tmpfs: [String]
    public var stopSignal: String?
    public var stopGracePeriod: Duration?
    /// Container labels from `spec.labels`.
    public var labels: [String: String]
    /// Labels from `metadata.labels` (descriptive; not put on containers).
    public var metadataLabels: [String: String]
    public var replicas: Int
    /// Health-driven supervision (restarts with backoff) applies to this service.
    public var supervised: Bool
    public var gateway: GatewaySpec?
    public var discovery: DiscoverySpec?
    /// How the image is built; nil when it is pulled (or already present).
    public var build: BuildSpec?
    /// How a change replaces the containers (`update_config`); nil: the Project's, then defaults.
    public var updateConfig: RolloutPolicy?
    /// How a failed change goes back (`rollback_config`).
    public var rollbackConfig: RolloutPolicy?
    /// Where the tasks may run (swarm mode only).
    public var placement: PlacementSpec?

    public init(name: String, location: SourceLocation, image: String) {
        self.name = name
        self.location = location
        self.image = image
        imageLocation = location
        environment = []
        ports = []
        volumes = []
        networks = []
        resources = ResourceLimits()
        dependsOn = []
        restart = .no
        readOnlyRootFilesystem = false
        capDrop = []
        capAdd = []
        securityOptions = []
        tmpfs = []
        labels = [:]
        metadataLabels = [:]
        replicas = 1
        supervised = false
    }

    /// `security_opt` contains `no-new-privileges` (bare, `:true` or `=true`).
    public var noNewPrivileges: Bool {
        securityOptions.contains { ["no-new-privileges", "no-new-privileges:true", "no-new-privileges=true"].contains($0) }
    }
}
