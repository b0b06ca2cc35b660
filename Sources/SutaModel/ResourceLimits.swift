import SutaYAML

/// CPU, memory and process limits of one container.
public struct ResourceLimits: Sendable, Hashable {
    public var cpus: Double?
    public var memoryBytes: Int64?
    public var pids: Int?
    /// Where `memory` is written, for the engine's minimum (not part of the value).
    public var memoryLocation: SourceLocation?

    public init(cpus: Double? = nil, memoryBytes: Int64? = nil, pids: Int? = nil) {
        self.cpus = cpus
        self.memoryBytes = memoryBytes
        self.pids = pids
    }

    public static func == (lhs: ResourceLimits, rhs: ResourceLimits) -> Bool {
        lhs.cpus == rhs.cpus && lhs.memoryBytes == rhs.memoryBytes && lhs.pids == rhs.pids
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(cpus)
        hasher.combine(memoryBytes)
        hasher.combine(pids)
    }
}
