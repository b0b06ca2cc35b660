/// A swarm service's `Spec` (`POST /services/create`, `POST /services/{id}/update`, and the
/// `Spec` of `GET /services`), the part sutactl sets. `nil` fields are not sent. The update
/// body is the complete spec: it replaces the old one.
public struct SwarmServiceSpec: Codable, Sendable, Equatable {
    public var name: String
    public var labels: [String: String]?
    public var taskTemplate: TaskTemplate
    public var mode: Mode?
    public var updateConfig: UpdateConfig?
    public var rollbackConfig: UpdateConfig?
    public var endpointSpec: EndpointSpec?

    public init(name: String, labels: [String: String]?, taskTemplate: TaskTemplate, mode: Mode?, updateConfig: UpdateConfig?,
                rollbackConfig: UpdateConfig?, endpointSpec: EndpointSpec?) {
        self.name = name
        self.labels = labels
        self.taskTemplate = taskTemplate
        self.mode = mode
        self.updateConfig = updateConfig
        self.rollbackConfig = rollbackConfig
        self.endpointSpec = endpointSpec
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name", labels = "Labels", taskTemplate = "TaskTemplate", mode = "Mode", updateConfig = "UpdateConfig"
        case rollbackConfig = "RollbackConfig", endpointSpec = "EndpointSpec"
    }

    /// What each task runs, and where.
    public struct TaskTemplate: Codable, Sendable, Equatable {
        public var containerSpec: ContainerSpec
        public var resources: Resources?
        public var restartPolicy: RestartPolicy?
        public var placement: Placement?
        public var networks: [NetworkAttachment]?
        /// Bumped to make the swarm replace every task though nothing else changed.
        public var forceUpdate: Int?

        public init(containerSpec: ContainerSpec, resources: Resources?, restartPolicy: RestartPolicy?, placement: Placement?,
                    networks: [NetworkAttachment]?) {
            self.containerSpec = containerSpec
            self.resources = resources
            self.restartPolicy = restartPolicy
            self.placement = placement
            self.networks = networks
        }

        enum CodingKeys: String, CodingKey {
            case containerSpec = "ContainerSpec", resources = "Resources", restartPolicy = "RestartPolicy", placement = "Placement"
            case networks = "Networks", forceUpdate = "ForceUpdate"
        }
    }

    /// The container of each task.
    public struct ContainerSpec: Codable, Sendable, Equatable {
        public var image: String
        public var labels: [String: String]?
        /// The entrypoint (Docker's `Command`).
        public var command: [String]?
        /// The arguments (Docker's `Args`: compose's `command`).
        public var args: [String]?
        public var env: [String]?
        public var dir: String?
        public var user: String?
        public var mounts: [Mount]?
        public var stopSignal: String?
        /// Nanoseconds between the stop signal and SIGKILL.
        public var stopGracePeriod: Int64?
        public var healthCheck: Healthcheck?
        public var readOnly: Bool?
        public var secrets: [SecretReference]?
        public var configs: [ConfigReference]?
        public var capabilityAdd: [String]?
        public var capabilityDrop: [String]?

        public init(image: String) {
            self.image = image
        }

        enum CodingKeys: String, CodingKey {
            case image = "Image", labels = "Labels", command = "Command", args = "Args", env = "Env", dir = "Dir", user = "User"
            case mounts = "Mounts", stopSignal = "StopSignal", stopGracePeriod = "StopGracePeriod", healthCheck = "Healthcheck"
            case readOnly = "ReadOnly", secrets = "Secrets", configs = "Configs", capabilityAdd = "CapabilityAdd", capabilityDrop = "CapabilityDrop"
        }
    }

    /// A swarm secret given to the task as a file under /run/secrets.
    public struct SecretReference: Codable, Sendable, Equatable {
        public var file: File
        public var secretID: String
        public var secretName: String

        public init(file: File, secretID: String, secretName: String) {
            self.file = file
            self.secretID = secretID
            self.secretName = secretName
        }

        enum CodingKeys: String, CodingKey { case file = "File", secretID = "SecretID", secretName = "SecretName" }

        /// The file's name under /run/secrets, owner and mode.
        public struct File: Codable, Sendable, Equatable {
            public var name: String
            public var uid: String
            public var gid: String
            public var mode: UInt32

            public init(name: String, uid: String = "0", gid: String = "0", mode: UInt32 = 0o444) {
                self.name = name
                self.uid = uid
                self.gid = gid
                self.mode = mode
            }

            enum CodingKeys: String, CodingKey { case name = "Name", uid = "UID", gid = "GID", mode = "Mode" }
        }
    }

    /// A swarm config given to the task as the file `file.name` (an absolute path).
    public struct ConfigReference: Codable, Sendable, Equatable {
        public var file: SecretReference.File
        public var configID: String
        public var configName: String

        public init(file: SecretReference.File, configID: String, configName: String) {
            self.file = file
            self.configID = configID
            self.configName = configName
        }

        enum CodingKeys: String, CodingKey { case file = "File", configID = "ConfigID", configName = "ConfigName" }
    }

    /// Limits and reservations of each task.
    public struct Resources: Codable, Sendable, Equatable {
        public var limits: Amounts?
        public var reservations: Amounts?

        public init(limits: Amounts?, reservations: Amounts?) {
            self.limits = limits
            self.reservations = reservations
        }

        enum CodingKeys: String, CodingKey { case limits = "Limits", reservations = "Reservations" }

        /// CPUs (in billionths) and memory (bytes); `Pids` only under limits.
        public struct Amounts: Codable, Sendable, Equatable {
            public var nanoCPUs: Int64?
            public var memoryBytes: Int64?
            public var pids: Int64?

            public init(nanoCPUs: Int64?, memoryBytes: Int64?, pids: Int64? = nil) {
                self.nanoCPUs = nanoCPUs
                self.memoryBytes = memoryBytes
                self.pids = pids
            }

            enum CodingKeys: String, CodingKey { case nanoCPUs = "NanoCPUs", memoryBytes = "MemoryBytes", pids = "Pids" }
        }
    }

    /// `none`, `on-failure` or `any`, with at most `maxAttempts` restarts (0: no bound).
    public struct RestartPolicy: Codable, Sendable, Equatable {
        public var condition: String
        public var maxAttempts: Int?

        public init(condition: String, maxAttempts: Int?) {
            self.condition = condition
            self.maxAttempts = maxAttempts
        }

        enum CodingKeys: String, CodingKey { case condition = "Condition", maxAttempts = "MaxAttempts" }
    }

    /// Constraints, spread preferences and a bound of tasks per node.
    public struct Placement: Codable, Sendable, Equatable {
        public var constraints: [String]?
        public var preferences: [Preference]?
        public var maxReplicas: Int?

        public init(constraints: [String]?, preferences: [Preference]?, maxReplicas: Int?) {
            self.constraints = constraints
            self.preferences = preferences
            self.maxReplicas = maxReplicas
        }

        enum CodingKeys: String, CodingKey { case constraints = "Constraints", preferences = "Preferences", maxReplicas = "MaxReplicas" }

        /// `{"Spread": {"SpreadDescriptor": "node.id"}}`.
        public struct Preference: Codable, Sendable, Equatable {
            public var spread: Spread

            public init(spreadDescriptor: String) { spread = Spread(spreadDescriptor: spreadDescriptor) }

            enum CodingKeys: String, CodingKey { case spread = "Spread" }

            /// What to spread over.
            public struct Spread: Codable, Sendable, Equatable {
                public var spreadDescriptor: String
                enum CodingKeys: String, CodingKey { case spreadDescriptor = "SpreadDescriptor" }
            }
        }
    }

    /// A network (by name or ID) the tasks join, with DNS aliases.
    public struct NetworkAttachment: Codable, Sendable, Equatable {
        public var target: String
        public var aliases: [String]?

        public init(target: String, aliases: [String]?) {
            self.target = target
            self.aliases = aliases
        }

        enum CodingKeys: String, CodingKey { case target = "Target", aliases = "Aliases" }
    }

    /// `{"Replicated": {"Replicas": N}}`.
    public struct Mode: Codable, Sendable, Equatable {
        public var replicated: Replicated?

        public init(replicas: Int) { replicated = Replicated(replicas: replicas) }

        enum CodingKeys: String, CodingKey { case replicated = "Replicated" }

        /// The number of tasks.
        public struct Replicated: Codable, Sendable, Equatable {
            public var replicas: Int?
            enum CodingKeys: String, CodingKey { case replicas = "Replicas" }
        }
    }

    /// How an update (or its rollback) replaces tasks.
    public struct UpdateConfig: Codable, Sendable, Equatable {
        public var parallelism: Int
        /// Nanoseconds between batches.
        public var delay: Int64?
        /// `continue`, `pause` or `rollback` (rollback: only `continue` or `pause`).
        public var failureAction: String?
        /// Nanoseconds each new task is watched for failure.
        public var monitor: Int64?
        /// `stop-first` or `start-first`.
        public var order: String?

        public init(parallelism: Int, delay: Int64?, failureAction: String?, monitor: Int64?, order: String?) {
            self.parallelism = parallelism
            self.delay = delay
            self.failureAction = failureAction
            self.monitor = monitor
            self.order = order
        }

        enum CodingKeys: String, CodingKey {
            case parallelism = "Parallelism", delay = "Delay", failureAction = "FailureAction", monitor = "Monitor", order = "Order"
        }
    }

    /// `vip` or `dnsrr`, and the published ports.
    public struct EndpointSpec: Codable, Sendable, Equatable {
        public var mode: String?
        public var ports: [Port]?

        public init(mode: String?, ports: [Port]?) {
            self.mode = mode
            self.ports = ports
        }

        enum CodingKeys: String, CodingKey { case mode = "Mode", ports = "Ports" }

        /// A published port; `host` mode: on the node a task runs on.
        public struct Port: Codable, Sendable, Equatable {
            public var `protocol`: String
            public var targetPort: Int
            public var publishedPort: Int?
            public var publishMode: String

            public init(protocol: String, targetPort: Int, publishedPort: Int?, publishMode: String) {
                self.protocol = `protocol`
                self.targetPort = targetPort
                self.publishedPort = publishedPort
                self.publishMode = publishMode
            }

            enum CodingKeys: String, CodingKey {
                case `protocol` = "Protocol", targetPort = "TargetPort", publishedPort = "PublishedPort", publishMode = "PublishMode"
            }
        }
    }
}
