/// CPU, memory and process limits of one container.
public struct ResourceLimits: Sendable, Hashable {
    public var cpus: Double?
    public var memoryBytes: Int64?
    public var pids: Int?

    public init(cpus: Double? = nil, memoryBytes: Int64? = nil, pids: Int? = nil) {
        self.cpus = cpus
        self.memoryBytes = memoryBytes
        self.pids = pids
    }
}
