/// What a container (or an image) runs with, as inspect reports it (`Config`).
public struct ContainerConfig: Decodable, Sendable, Equatable {
    /// The image reference given at create (for an image: empty or its own).
    public var image: String
    /// The command, if any.
    public var cmd: [String]?
    /// The entrypoint, if any.
    public var entrypoint: [String]?
    /// `KEY=value` entries, the image's included.
    public var env: [String]
    /// Labels, the image's included.
    public var labels: [String: String]
    /// The user, empty for the image default.
    public var user: String
    /// The working directory, empty for `/`.
    public var workingDir: String
    /// Exposed ports such as `8080/tcp`, sorted.
    public var exposedPorts: [String]
    /// The stop signal, if set.
    public var stopSignal: String?
    /// The stop grace period in seconds, if set.
    public var stopTimeout: Int?
    /// The healthcheck, if any.
    public var healthcheck: Healthcheck?
    /// Whether a TTY is attached (logs are then raw, not multiplexed).
    public var tty: Bool

    enum CodingKeys: String, CodingKey {
        case image = "Image"
        case cmd = "Cmd"
        case entrypoint = "Entrypoint"
        case env = "Env"
        case labels = "Labels"
        case user = "User"
        case workingDir = "WorkingDir"
        case exposedPorts = "ExposedPorts"
        case stopSignal = "StopSignal"
        case stopTimeout = "StopTimeout"
        case healthcheck = "Healthcheck"
        case tty = "Tty"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        image = try container.decode(String.self, forKey: .image, default: "")
        cmd = try container.decodeIfPresent([String].self, forKey: .cmd)
        entrypoint = try container.decodeIfPresent([String].self, forKey: .entrypoint)
        env = try container.decode([String].self, forKey: .env, default: [])
        labels = try container.decode([String: String].self, forKey: .labels, default: [:])
        user = try container.decode(String.self, forKey: .user, default: "")
        workingDir = try container.decode(String.self, forKey: .workingDir, default: "")
        let exposed = try container.decode([String: EmptyObject].self, forKey: .exposedPorts, default: [:])
        exposedPorts = exposed.keys.sorted()
        stopSignal = try container.decodeIfPresent(String.self, forKey: .stopSignal)
        stopTimeout = try container.decodeIfPresent(Int.self, forKey: .stopTimeout)
        healthcheck = try container.decodeIfPresent(Healthcheck.self, forKey: .healthcheck)
        tty = try container.decode(Bool.self, forKey: .tty, default: false)
    }

    /// The `{}` values of `ExposedPorts`.
    private struct EmptyObject: Decodable {}
}
