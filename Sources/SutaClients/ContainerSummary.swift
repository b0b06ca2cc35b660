/// One container as `GET /containers/json` lists it.
public struct ContainerSummary: Decodable, Sendable, Equatable {
    /// The full ID.
    public var id: String
    /// Names, each with a leading `/`.
    public var names: [String]
    /// The image as given at create.
    public var image: String
    /// The image's ID (`sha256:…`).
    public var imageID: String
    /// The command line.
    public var command: String
    /// Creation time, Unix seconds.
    public var created: Int64
    /// `created`, `restarting`, `running`, `removing`, `paused`, `exited` or `dead`.
    public var state: String
    /// Human text such as `Up 5 minutes (healthy)`.
    public var status: String
    /// Container labels.
    public var labels: [String: String]
    /// Exposed and published ports.
    public var ports: [ContainerPort]
    /// Network name → attachment (`NetworkSettings.Networks`).
    public var networks: [String: EndpointSettings]

    /// The first name without its leading `/`.
    public var name: String {
        let first = names.first ?? ""
        return first.hasPrefix("/") ? String(first.dropFirst()) : first
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case names = "Names"
        case image = "Image"
        case imageID = "ImageID"
        case command = "Command"
        case created = "Created"
        case state = "State"
        case status = "Status"
        case labels = "Labels"
        case ports = "Ports"
        case networkSettings = "NetworkSettings"
    }

    private enum NetworkSettingsKeys: String, CodingKey {
        case networks = "Networks"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        names = try container.decode([String].self, forKey: .names, default: [])
        image = try container.decode(String.self, forKey: .image, default: "")
        imageID = try container.decode(String.self, forKey: .imageID, default: "")
        command = try container.decode(String.self, forKey: .command, default: "")
        created = try container.decode(Int64.self, forKey: .created, default: 0)
        state = try container.decode(String.self, forKey: .state, default: "")
        status = try container.decode(String.self, forKey: .status, default: "")
        labels = try container.decode([String: String].self, forKey: .labels, default: [:])
        ports = try container.decode([ContainerPort].self, forKey: .ports, default: [])
        if container.contains(.networkSettings), try !container.decodeNil(forKey: .networkSettings) {
            let settings = try container.nestedContainer(keyedBy: NetworkSettingsKeys.self, forKey: .networkSettings)
            networks = try settings.decode([String: EndpointSettings].self, forKey: .networks, default: [:])
        } else {
            networks = [:]
        }
    }
}
