/// The host side of a container (`HostConfig`): published ports, mounts, limits, restart
/// policy, security options and network mode. Used when creating a container and read
/// back by inspect; `nil` fields are not sent.
public struct HostConfig: Codable, Sendable, Equatable {
    /// `"8080/tcp"` → where it is published.
    public var portBindings: [String: [PortBinding]]?
    /// `"/host:/container:ro"` bind specifications.
    public var binds: [String]?
    /// Volume, bind and tmpfs mounts.
    public var mounts: [Mount]?
    /// Memory limit in bytes (0 = none).
    public var memory: Int64?
    /// Memory soft limit in bytes (0 = none): under memory pressure the kernel reclaims the
    /// container's memory down to it.
    public var memoryReservation: Int64?
    /// CPU limit in billionths of a CPU (`0.5` CPU = `500_000_000`).
    public var nanoCpus: Int64?
    /// Maximum number of processes (0 or -1 = none).
    public var pidsLimit: Int64?
    /// What the engine does when the container exits.
    public var restartPolicy: RestartPolicy?
    /// Whether the root filesystem is read-only.
    public var readonlyRootfs: Bool?
    /// Capabilities to add, e.g. `NET_ADMIN`.
    public var capAdd: [String]?
    /// Capabilities to drop, e.g. `ALL`.
    public var capDrop: [String]?
    /// Security options, e.g. `no-new-privileges`, `seccomp=unconfined`.
    public var securityOpt: [String]?
    /// Container path → tmpfs options, e.g. `"/run": "rw,size=64m"`.
    public var tmpfs: [String: String]?
    /// `bridge`, `host`, `none`, `container:<id>` or a network name.
    public var networkMode: String?

    /// Creates a host configuration; `nil` fields are not sent.
    public init(
        portBindings: [String: [PortBinding]]? = nil,
        binds: [String]? = nil,
        mounts: [Mount]? = nil,
        memory: Int64? = nil,
        memoryReservation: Int64? = nil,
        nanoCpus: Int64? = nil,
        pidsLimit: Int64? = nil,
        restartPolicy: RestartPolicy? = nil,
        readonlyRootfs: Bool? = nil,
        capAdd: [String]? = nil,
        capDrop: [String]? = nil,
        securityOpt: [String]? = nil,
        tmpfs: [String: String]? = nil,
        networkMode: String? = nil
    ) {
        self.portBindings = portBindings
        self.binds = binds
        self.mounts = mounts
        self.memory = memory
        self.memoryReservation = memoryReservation
        self.nanoCpus = nanoCpus
        self.pidsLimit = pidsLimit
        self.restartPolicy = restartPolicy
        self.readonlyRootfs = readonlyRootfs
        self.capAdd = capAdd
        self.capDrop = capDrop
        self.securityOpt = securityOpt
        self.tmpfs = tmpfs
        self.networkMode = networkMode
    }

    enum CodingKeys: String, CodingKey {
        case portBindings = "PortBindings"
        case binds = "Binds"
        case mounts = "Mounts"
        case memory = "Memory"
        case memoryReservation = "MemoryReservation"
        case nanoCpus = "NanoCpus"
        case pidsLimit = "PidsLimit"
        case restartPolicy = "RestartPolicy"
        case readonlyRootfs = "ReadonlyRootfs"
        case capAdd = "CapAdd"
        case capDrop = "CapDrop"
        case securityOpt = "SecurityOpt"
        case tmpfs = "Tmpfs"
        case networkMode = "NetworkMode"
    }
}
