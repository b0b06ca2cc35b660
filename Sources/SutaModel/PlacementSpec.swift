import SutaYAML

/// Where a swarm service's tasks may run: compose's `deploy.placement` plus
/// `max_replicas_per_node`. Only honoured in swarm mode.
public struct PlacementSpec: Sendable, Hashable {
    /// `node.role == worker`, `node.labels.zone != b`: every one must hold.
    public var constraints: [String]
    /// Spread descriptors, in order: `node.id`, `node.labels.zone`.
    public var spread: [String]
    /// At most this many tasks of the service on one node.
    public var maxReplicasPerNode: Int?
    /// Where `placement` is written.
    public var location: SourceLocation

    public init(constraints: [String] = [], spread: [String] = [], maxReplicasPerNode: Int? = nil, location: SourceLocation) {
        self.constraints = constraints
        self.spread = spread
        self.maxReplicasPerNode = maxReplicasPerNode
        self.location = location
    }
}
