/// The fully resolved desired state: what `config` prints and what `apply` converges to.
public struct ResolvedConfig: Sendable {
    public var project: ProjectSpec
    /// The active profiles, in the order given (empty when every service is active).
    public var profiles: [String]
    /// The services of the active profile, sorted by name, with optional dependencies
    /// outside the profile dropped and profile changes merged in.
    public var services: [ServiceSpec]
    /// The networks and volumes those services use, sorted by name.
    public var networks: [NetworkSpec]
    public var volumes: [VolumeSpec]
    /// Every service the manifests declare, active or not: an owned container of any other
    /// service is an orphan.
    public var declaredServices: Set<String> = []

    public init(project: ProjectSpec, profiles: [String], services: [ServiceSpec], networks: [NetworkSpec], volumes: [VolumeSpec]) {
        self.project = project
        self.profiles = profiles
        self.services = services
        self.networks = networks
        self.volumes = volumes
    }

    /// The profile as shown to people: `minimal,security`, or `(all services)`.
    public var profileDisplayName: String { profiles.isEmpty ? "(all services)" : profiles.joined(separator: ",") }
}
