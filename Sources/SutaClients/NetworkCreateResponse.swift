/// The answer to `POST /networks/create`.
public struct NetworkCreateResponse: Decodable, Sendable, Equatable {
    /// The new network's ID.
    public var id: String
    /// A warning from the engine, empty when none.
    public var warning: String

    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case warning = "Warning"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        warning = try container.decode(String.self, forKey: .warning, default: "")
    }
}
