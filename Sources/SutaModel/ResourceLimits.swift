/// CPU, memory and process limits of one container, and what it reserves.
public struct ResourceLimits: Sendable, Hashable {
    public var cpus: Double?
    public var memoryBytes: Int64?
    public var pids: Int?
    /// At most the limits: the engine refuses a memory reservation above the memory limit.
    public var reservations: ResourceReservations

    public init(cpus: Double? = nil, memoryBytes: Int64? = nil, pids: Int? = nil, reservations: ResourceReservations = ResourceReservations()) {
        self.cpus = cpus
        self.memoryBytes = memoryBytes
        self.pids = pids
        self.reservations = reservations
    }
}
