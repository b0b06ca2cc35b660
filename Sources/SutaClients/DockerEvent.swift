#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One message of the engine's event stream (`GET /events`).
public struct DockerEvent: Decodable, Sendable, Equatable {
    /// `container`, `network`, `volume`, `image`, …
    public var type: String
    /// What happened: `create`, `start`, `die`, `kill`, `destroy`, `connect`, … Health
    /// changes arrive as `health_status: healthy` (or `: unhealthy`).
    public var action: String
    /// The object it happened to.
    public var actor: DockerEventActor
    /// `local` or `swarm`.
    public var scope: String
    /// When, in Unix seconds.
    public var time: Int64
    /// When, in Unix nanoseconds.
    public var timeNano: Int64

    /// When it happened.
    public var date: Date {
        Date(timeIntervalSince1970: TimeInterval(timeNano) / 1_000_000_000)
    }

    enum CodingKeys: String, CodingKey {
        case type = "Type"
        case action = "Action"
        case actor = "Actor"
        case scope
        case time
        case timeNano
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type, default: "")
        action = try container.decode(String.self, forKey: .action, default: "")
        actor = try container.decode(DockerEventActor.self, forKey: .actor)
        scope = try container.decode(String.self, forKey: .scope, default: "")
        time = try container.decode(Int64.self, forKey: .time, default: 0)
        timeNano = try container.decode(Int64.self, forKey: .timeNano, default: time * 1_000_000_000)
    }

    /// Decodes one line of the stream.
    init(jsonLine: [UInt8]) throws(DockerError) {
        self = try DockerJSON.decode(DockerEvent.self, from: jsonLine, what: "GET /events")
    }
}
