/// One swarm secret or config as `GET /secrets` or `GET /configs` lists it: its name and
/// labels (sutactl never reads the data back).
public struct SwarmDataObject: Decodable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var labels: [String: String]

    enum CodingKeys: String, CodingKey { case id = "ID", spec = "Spec" }
    enum SpecKeys: String, CodingKey { case name = "Name", labels = "Labels" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        let spec = try container.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
        name = try spec.decode(String.self, forKey: .name)
        labels = try spec.decodeIfPresent([String: String].self, forKey: .labels) ?? [:]
    }
}
