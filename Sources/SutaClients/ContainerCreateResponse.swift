/// The answer to `POST /containers/create`.
public struct ContainerCreateResponse: Decodable, Sendable, Equatable {
    /// The new container's ID.
    public var id: String
    /// Warnings from the engine (e.g. a limit the kernel cannot enforce).
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case warnings = "Warnings"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        warnings = try container.decode([String].self, forKey: .warnings, default: [])
    }
}
