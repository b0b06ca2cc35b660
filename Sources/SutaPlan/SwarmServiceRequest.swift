import SutaModel

/// Everything needed to create or update one swarm service, as the swarm planner decided it:
/// the service, the engine names of its networks and secret versions, its rollout and its
/// labels (with the settings it runs with). The driver sends it as it is.
public struct SwarmServiceRequest: Sendable, Hashable {
    /// A secret variable given to the tasks as the file /run/secrets/VARIABLE, in the swarm
    /// secret `secretName`.
    public struct SecretUse: Sendable, Hashable {
        public var variable: String
        public var secretName: String

        public init(variable: String, secretName: String) {
            self.variable = variable
            self.secretName = secretName
        }

        /// `/run/secrets/VARIABLE`, also given to the service as `VARIABLE_FILE`.
        public var path: String { "/run/secrets/\(variable)" }
    }

    /// A read-only file mount given to the tasks from the swarm config `configName`.
    public struct ConfigUse: Sendable, Hashable {
        /// The path in the container.
        public var target: String
        public var configName: String

        public init(target: String, configName: String) {
            self.target = target
            self.configName = configName
        }
    }

    /// The swarm service's name: `PROJECT_SERVICE`.
    public var name: String
    /// The service; its secret variables are in ``secrets``, never in its environment.
    public var service: ServiceSpec
    /// Engine names of the overlay networks, with the service's aliases on each.
    public var networks: [(name: String, aliases: [String])] { service.networks.map { (names.network($0.network), $0.aliases) } }
    public var names: ResourceNames
    public var secrets: [SecretUse]
    /// Read-only file mounts as swarm configs (not in the service's volumes).
    public var configs: [ConfigUse]
    public var rollout: SwarmRollout
    /// Ownership labels and ``SwarmSettingsLabel/key`` (never a secret's value).
    public var labels: [String: String]

    public init(name: String, service: ServiceSpec, names: ResourceNames, secrets: [SecretUse], configs: [ConfigUse] = [],
                rollout: SwarmRollout, settings: ServiceSettings) {
        self.name = name
        var plain = service
        plain.environment.removeAll(where: \.isSecret)
        plain.environment += secrets.map { EnvironmentVariable(name: "\($0.variable)_FILE", value: $0.path, isSecret: false) }
        plain.environment.sort { $0.name < $1.name }
        self.service = plain
        self.names = names
        self.secrets = secrets
        self.configs = configs
        self.rollout = rollout
        labels = service.labels.merging([
            OwnershipLabels.project: names.project,
            OwnershipLabels.service: service.name,
            OwnershipLabels.managedBy: OwnershipLabels.managedByValue,
            SwarmSettingsLabel.key: SwarmSettingsLabel.text(settings),
        ]) { _, ours in ours }
    }

    /// The engine's endpoint mode: DNS round robin (the virtual IP needs IPVS, see docs/swarm.md).
    public var endpointMode: String { "dnsrr" }
}
