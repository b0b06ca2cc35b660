/// The CPU and memory reserved for a service (Compose's `deploy.resources.reservations`).
/// A memory reservation is a container's soft limit (the engine's `MemoryReservation`: under
/// memory pressure the kernel reclaims down to it); a CPU reservation has no container
/// equivalent and applies in engine mode swarm only, where a task is placed only on a node
/// with that much unreserved.
public struct ResourceReservations: Sendable, Hashable {
    /// CPUs a swarm node must have unreserved for a task (engine mode swarm only).
    public var cpus: Double?
    /// The memory soft limit, at least 6 MiB.
    public var memoryBytes: Int64?

    public init(cpus: Double? = nil, memoryBytes: Int64? = nil) {
        self.cpus = cpus
        self.memoryBytes = memoryBytes
    }

    /// Whether nothing is reserved.
    public var isEmpty: Bool { cpus == nil && memoryBytes == nil }
}
