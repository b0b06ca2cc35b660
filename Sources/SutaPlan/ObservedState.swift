/// One snapshot of the engine: every container, network and volume, owned or not (names
/// of foreign objects matter: a clash is an error), what the integrations hold, and the
/// state directory's records. Planning reads nothing else.
public struct ObservedState: Sendable, Hashable {
    public var containers: [ObservedContainer]
    public var networks: [ObservedObject]
    public var volumes: [ObservedObject]
    /// The settings each service was last applied with (from the state directory), for
    /// field-level changes; a service missing here shows only which field groups changed.
    public var applied: [String: ServiceSettings]
    /// What supervision did to each supervised service so far (from the state directory).
    public var supervision: [String: SupervisionRecord]
    /// What the gateway, discovery agent and model server hold; nil when they were not read
    /// (the plan then leaves them alone).
    public var integrations: ObservedIntegrations?
    /// The `sutactl.build-hash` label of each local image a service builds, by tag: empty
    /// for an image without one (not built by sutactl); a tag missing here has no image.
    public var imageBuildHashes: [String: String] = [:]

    public init(containers: [ObservedContainer] = [], networks: [ObservedObject] = [], volumes: [ObservedObject] = [],
                applied: [String: ServiceSettings] = [:], supervision: [String: SupervisionRecord] = [:]) {
        self.containers = containers
        self.networks = networks
        self.volumes = volumes
        self.applied = applied
        self.supervision = supervision
    }

    /// The containers of `project`.
    public func containers(of project: String) -> [ObservedContainer] {
        containers.filter { $0.project == project }
    }
}
