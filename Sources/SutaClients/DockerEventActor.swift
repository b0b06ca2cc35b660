/// The object an event is about (`Actor`).
public struct DockerEventActor: Decodable, Sendable, Equatable {
    /// The object's ID (a container ID, network ID, volume name, …).
    public var id: String
    /// Details: `name`, `image`, the container's labels, `exitCode` on `die`, …
    public var attributes: [String: String]

    enum CodingKeys: String, CodingKey {
        case id = "ID"
        case attributes = "Attributes"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id, default: "")
        attributes = try container.decode([String: String].self, forKey: .attributes, default: [:])
    }
}
