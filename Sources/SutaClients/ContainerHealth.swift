/// The health of a container with a healthcheck (`State.Health`).
public struct ContainerHealth: Decodable, Sendable, Equatable {
    /// `starting`, `healthy`, `unhealthy` or `none`.
    public var status: String
    /// Consecutive failed checks.
    public var failingStreak: Int
    /// The latest checks, oldest first.
    public var log: [HealthcheckResult]

    enum CodingKeys: String, CodingKey {
        case status = "Status"
        case failingStreak = "FailingStreak"
        case log = "Log"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decode(String.self, forKey: .status)
        failingStreak = try container.decode(Int.self, forKey: .failingStreak, default: 0)
        log = try container.decode([HealthcheckResult].self, forKey: .log, default: [])
    }
}
