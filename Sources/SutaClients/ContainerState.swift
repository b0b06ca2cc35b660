/// The run state of a container (`State` in inspect).
public struct ContainerState: Decodable, Sendable, Equatable {
    /// `created`, `running`, `paused`, `restarting`, `removing`, `exited` or `dead`.
    /// Prefer it to the flags: a paused container is also `running`.
    public var status: String
    /// Whether the process runs (also true while paused).
    public var running: Bool
    /// Whether the container is paused.
    public var paused: Bool
    /// Whether the engine is restarting it.
    public var restarting: Bool
    /// Whether the kernel killed it for lack of memory.
    public var oomKilled: Bool
    /// Whether it is dead (removal failed).
    public var dead: Bool
    /// The main process's host PID, 0 when not running.
    public var pid: Int
    /// The last exit code.
    public var exitCode: Int
    /// The engine's error starting it, if any.
    public var error: String
    /// When it last started (RFC 3339; `0001-01-01T00:00:00Z` if never).
    public var startedAt: String
    /// When it last stopped (RFC 3339; `0001-01-01T00:00:00Z` if never).
    public var finishedAt: String
    /// Health, present only when the container has a healthcheck.
    public var health: ContainerHealth?

    enum CodingKeys: String, CodingKey {
        case status = "Status"
        case running = "Running"
        case paused = "Paused"
        case restarting = "Restarting"
        case oomKilled = "OOMKilled"
        case dead = "Dead"
        case pid = "Pid"
        case exitCode = "ExitCode"
        case error = "Error"
        case startedAt = "StartedAt"
        case finishedAt = "FinishedAt"
        case health = "Health"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(String.self, forKey: .status)
        running = try container.decode(Bool.self, forKey: .running, default: false)
        paused = try container.decode(Bool.self, forKey: .paused, default: false)
        restarting = try container.decode(Bool.self, forKey: .restarting, default: false)
        oomKilled = try container.decode(Bool.self, forKey: .oomKilled, default: false)
        dead = try container.decode(Bool.self, forKey: .dead, default: false)
        pid = try container.decode(Int.self, forKey: .pid, default: 0)
        exitCode = try container.decode(Int.self, forKey: .exitCode, default: 0)
        error = try container.decode(String.self, forKey: .error, default: "")
        startedAt = try container.decode(String.self, forKey: .startedAt, default: "")
        finishedAt = try container.decode(String.self, forKey: .finishedAt, default: "")
        health = try container.decodeIfPresent(ContainerHealth.self, forKey: .health)
    }
}
