/// One look at a swarm through its manager: sutactl's services, secrets, configs and networks (owned
/// or in the way), with what the swarm reports about each service's last update.
public struct ObservedSwarm: Sendable, Hashable {
    /// A swarm service as the manager listed it.
    public struct Service: Sendable, Hashable {
        public var id: String
        public var name: String
        public var labels: [String: String]
        /// `rollback_completed`, `completed`, `updating`, ... (nil: never updated).
        public var updateState: String?
        /// The replicas its spec asks for now: differs from its settings label when someone
        /// changed the service by hand (`docker service scale`). nil: not read.
        public var replicas: Int?
        /// The image its spec runs now (nil: not read).
        public var image: String?
        /// How long its tasks are given after the stop signal (nil: the engine's default).
        public var stopGrace: Duration?

        public init(id: String, name: String, labels: [String: String], updateState: String?, replicas: Int? = nil, image: String? = nil,
                    stopGrace: Duration? = nil) {
            self.id = id
            self.name = name
            self.labels = labels
            self.updateState = updateState
            self.replicas = replicas
            self.image = image
            self.stopGrace = stopGrace
        }

        public var project: String? { labels[OwnershipLabels.project] }
    }

    public var services: [Service]
    public var secrets: [ObservedObject]
    public var networks: [ObservedObject]
    public var configs: [ObservedObject]

    public init(services: [Service], secrets: [ObservedObject], networks: [ObservedObject], configs: [ObservedObject] = []) {
        self.services = services
        self.secrets = secrets
        self.networks = networks
        self.configs = configs
    }
}
