/// One node of the swarm as `GET /nodes` lists it.
public struct SwarmNode: Decodable, Sendable, Equatable {
    public var id: String
    public var hostname: String
    /// `manager` or `worker`.
    public var role: String
    /// `ready`, `down`, `unknown`, `disconnected`.
    public var state: String
    /// `active`, `pause`, `drain`.
    public var availability: String
    /// Its CPUs (`Description.Resources.NanoCPUs` / 1e9); 0 when not reported.
    public var cpus: Double = 0

    enum CodingKeys: String, CodingKey { case id = "ID", description = "Description", status = "Status", spec = "Spec" }
    enum DescriptionKeys: String, CodingKey { case hostname = "Hostname", resources = "Resources" }
    enum ResourcesKeys: String, CodingKey { case nanoCPUs = "NanoCPUs" }
    enum StatusKeys: String, CodingKey { case state = "State" }
    enum SpecKeys: String, CodingKey { case role = "Role", availability = "Availability" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        hostname = (try? container.nestedContainer(keyedBy: DescriptionKeys.self, forKey: .description)
            .decodeIfPresent(String.self, forKey: .hostname)) ?? nil ?? ""
        let nanoCPUs = try? container.nestedContainer(keyedBy: DescriptionKeys.self, forKey: .description)
            .nestedContainer(keyedBy: ResourcesKeys.self, forKey: .resources).decodeIfPresent(Int64.self, forKey: .nanoCPUs)
        cpus = Double((nanoCPUs ?? nil) ?? 0) / 1e9
        state = (try? container.nestedContainer(keyedBy: StatusKeys.self, forKey: .status).decodeIfPresent(String.self, forKey: .state)) ?? nil ?? ""
        let spec = try? container.nestedContainer(keyedBy: SpecKeys.self, forKey: .spec)
        role = (try? spec?.decodeIfPresent(String.self, forKey: .role)) ?? nil ?? ""
        availability = (try? spec?.decodeIfPresent(String.self, forKey: .availability)) ?? nil ?? ""
    }
}
