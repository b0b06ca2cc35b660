import SutaModel

/// A running container's limits, memory reservation and restart policy: the settings `docker
/// update` changes behind sutactl's back. The planner compares them with the manifests (the
/// container list does not carry them, so the driver reads them with an inspection) and
/// repairs a difference in place, without recreating the container.
public struct LiveResources: Sendable, Hashable {
    public var memoryBytes: Int64?
    public var nanoCpus: Int64?
    public var pidsLimit: Int64?
    /// The memory soft limit (`MemoryReservation`).
    public var memoryReservationBytes: Int64?
    /// `no`, `always`, `unless-stopped`, `on-failure` or `on-failure:N`.
    public var restart: String

    /// Zero limits (and reservation) mean none, as the engine reports them.
    public init(memoryBytes: Int64?, nanoCpus: Int64?, pidsLimit: Int64?, memoryReservationBytes: Int64?, restart: String) {
        self.memoryBytes = memoryBytes == 0 ? nil : memoryBytes
        self.nanoCpus = nanoCpus == 0 ? nil : nanoCpus
        self.pidsLimit = pidsLimit.flatMap { $0 <= 0 ? nil : $0 }
        self.memoryReservationBytes = memoryReservationBytes == 0 ? nil : memoryReservationBytes
        self.restart = restart.isEmpty ? "no" : restart
    }

    /// What the manifests ask for; a CPU limit above the host's count means the whole host
    /// (the engine refuses more), as the container is created.
    public init(service: ServiceSpec, hostCPUs: Double) {
        self.init(memoryBytes: service.resources.memoryBytes,
                  nanoCpus: service.resources.cpus.map { Int64((min($0, hostCPUs) * 1e9).rounded()) },
                  pidsLimit: service.resources.pids.map(Int64.init), memoryReservationBytes: service.resources.reservations.memoryBytes,
                  restart: service.restart.text)
    }

    /// Each field that differs from `desired`, as a change back to the manifests' value.
    public func changes(to desired: LiveResources) -> [FieldChange] {
        func memory(_ bytes: Int64?) -> String { bytes.map(MemorySize.format) ?? "none" }
        func cpus(_ nano: Int64?) -> String { nano.map { String(Double($0) / 1e9) } ?? "none" }
        func pids(_ limit: Int64?) -> String { limit.map(String.init) ?? "none" }
        var result: [FieldChange] = []
        func add(_ path: String, _ live: String, _ wanted: String) {
            if live != wanted { result.append(FieldChange(path: path, before: live, after: wanted, secret: false, inContainer: true)) }
        }
        add("resources.memory", memory(memoryBytes), memory(desired.memoryBytes))
        add("resources.cpus", cpus(nanoCpus), cpus(desired.nanoCpus))
        add("resources.pids", pids(pidsLimit), pids(desired.pidsLimit))
        add("resources.reservations.memory", memory(memoryReservationBytes), memory(desired.memoryReservationBytes))
        add("restart", restart, desired.restart)
        return result
    }
}
