/// A container as the engine reported it in one listing.
public struct ObservedContainer: Sendable, Hashable {
    /// The engine's lifecycle states.
    public enum State: String, Sendable, Hashable {
        case created, running, paused, restarting, removing, exited, dead
    }

    /// Health as the engine reports it; `none` when the container has no healthcheck.
    public enum Health: String, Sendable, Hashable {
        case none, starting, healthy, unhealthy
    }

    public var id: String
    public var name: String
    public var image: String
    public var labels: [String: String]
    public var state: State
    public var health: Health
    /// Unix seconds.
    public var created: Int64
    /// The engine's human text, e.g. "Up 5 minutes (healthy)".
    public var status: String
    /// Limits and restart policy as the container runs with them; nil when not inspected.
    public var live: LiveResources?
    /// Consecutive failed health checks, from the same inspection; nil when not inspected.
    public var failingStreak: Int?
    /// Start time, restart count and bound ports, from the same inspection; nil when not inspected.
    public var details: ContainerDetails?
    /// The engine names of the networks it is attached to; nil when not observed.
    public var networks: Set<String>?

    public init(id: String, name: String, image: String, labels: [String: String], state: State, health: Health,
                created: Int64, status: String) {
        self.id = id
        self.name = name
        self.image = image
        self.labels = labels
        self.state = state
        self.health = health
        self.created = created
        self.status = status
    }

    public var project: String? { labels[OwnershipLabels.project] }
    public var service: String? { labels[OwnershipLabels.service] }
    public var replica: Int? { labels[OwnershipLabels.replica].flatMap(Int.init) }
    public var shortID: String { String(id.prefix(12)) }

    /// The suffix of a container kept as the previous generation during a rollout.
    public static let previousSuffix = "-previous"
    /// A replica's old container, kept (renamed) while a rollout replaces it.
    public var isPreviousGeneration: Bool { name.hasSuffix(ObservedContainer.previousSuffix) }
}
