/// One run of a container's healthcheck (`State.Health.Log[]`).
public struct HealthcheckResult: Decodable, Sendable, Equatable {
    /// When the check started (RFC 3339).
    public var start: String
    /// When it ended (RFC 3339).
    public var end: String
    /// 0 healthy, 1 unhealthy, anything else an error running the check.
    public var exitCode: Int
    /// The check's output, truncated by the engine.
    public var output: String

    enum CodingKeys: String, CodingKey {
        case start = "Start"
        case end = "End"
        case exitCode = "ExitCode"
        case output = "Output"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        start = try container.decode(String.self, forKey: .start, default: "")
        end = try container.decode(String.self, forKey: .end, default: "")
        exitCode = try container.decode(Int.self, forKey: .exitCode, default: 0)
        output = try container.decode(String.self, forKey: .output, default: "")
    }
}
