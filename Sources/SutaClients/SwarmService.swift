/// One swarm service as `GET /services` lists it.
public struct SwarmService: Decodable, Sendable, Equatable {
    public var id: String
    /// The version an update must name (`?version=`); a stale one is "update out of sequence".
    public var version: Int
    public var spec: SwarmServiceSpec
    /// `updating`, `paused`, `completed`, `rollback_started`, `rollback_paused`, `rollback_completed`.
    public var updateState: String?
    /// Why the last update stopped or was rolled back.
    public var updateMessage: String?

    enum CodingKeys: String, CodingKey { case id = "ID", version = "Version", spec = "Spec", updateStatus = "UpdateStatus" }
    enum VersionKeys: String, CodingKey { case index = "Index" }
    enum StatusKeys: String, CodingKey { case state = "State", message = "Message" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        version = try container.nestedContainer(keyedBy: VersionKeys.self, forKey: .version).decode(Int.self, forKey: .index)
        spec = try container.decode(SwarmServiceSpec.self, forKey: .spec)
        if container.contains(.updateStatus), (try? container.decodeNil(forKey: .updateStatus)) == false {
            let status = try container.nestedContainer(keyedBy: StatusKeys.self, forKey: .updateStatus)
            updateState = try status.decodeIfPresent(String.self, forKey: .state)
            updateMessage = try status.decodeIfPresent(String.self, forKey: .message)
        }
    }
}
