/// Kong's node status (`GET /status`): connection counters, and either whether the database
/// is reachable (database mode) or the hash of the loaded configuration (DB-less mode).
public struct KongStatus: Decodable, Sendable, Equatable {
    /// Open client connections (`server.connections_active`).
    public var connectionsActive: Int
    /// Requests served since start (`server.total_requests`).
    public var totalRequests: Int
    /// `database.reachable`, sent in database mode only.
    public var databaseReachable: Bool?
    /// `configuration_hash`, sent instead of `database` in DB-less (and data-plane) mode:
    /// the hash of the loaded declarative configuration, all zeros before the first one.
    public var configurationHash: String?

    /// Whether Kong runs DB-less: it reports a configuration hash instead of a database.
    public var isDBLess: Bool { configurationHash != nil }

    enum CodingKeys: String, CodingKey {
        case server
        case database
        case configurationHash = "configuration_hash"
    }

    enum ServerKeys: String, CodingKey {
        case connectionsActive = "connections_active"
        case totalRequests = "total_requests"
    }

    enum DatabaseKeys: String, CodingKey {
        case reachable
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let server = try container.nestedContainer(keyedBy: ServerKeys.self, forKey: .server)
        connectionsActive = try server.decode(Int.self, forKey: .connectionsActive, default: 0)
        totalRequests = try server.decode(Int.self, forKey: .totalRequests, default: 0)
        if container.contains(.database), try !container.decodeNil(forKey: .database) {
            let database = try container.nestedContainer(keyedBy: DatabaseKeys.self, forKey: .database)
            databaseReachable = try database.decodeIfPresent(Bool.self, forKey: .reachable)
        } else {
            databaseReachable = nil
        }
        configurationHash = try container.decodeIfPresent(String.self, forKey: .configurationHash)
    }
}
