/// The body of `POST /containers/{id}/update`: the limits, memory reservation and restart
/// policy to set.
public struct ContainerUpdateBody: Encodable, Sendable, Equatable {
    /// Bytes; 0 removes the limit.
    public var memory: Int64
    /// The engine's default for a container created with only a memory limit: twice it.
    public var memorySwap: Int64
    public var nanoCpus: Int64
    /// 0 or -1: no limit.
    public var pidsLimit: Int64
    /// Bytes; 0 leaves the reservation as it is.
    public var memoryReservation: Int64
    public var restartPolicy: RestartPolicy

    public init(memory: Int64, memorySwap: Int64, nanoCpus: Int64, pidsLimit: Int64, memoryReservation: Int64 = 0, restartPolicy: RestartPolicy) {
        self.memory = memory
        self.memorySwap = memorySwap
        self.nanoCpus = nanoCpus
        self.pidsLimit = pidsLimit
        self.memoryReservation = memoryReservation
        self.restartPolicy = restartPolicy
    }

    enum CodingKeys: String, CodingKey {
        case memory = "Memory"
        case memorySwap = "MemorySwap"
        case nanoCpus = "NanoCpus"
        case pidsLimit = "PidsLimit"
        case memoryReservation = "MemoryReservation"
        case restartPolicy = "RestartPolicy"
    }
}
