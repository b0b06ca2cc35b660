/// A Kong declarative configuration (format 3.0) of services with nested routes, as
/// DB-less Kong loads it with `POST /config`.
///
/// Its JSON is deterministic: keys are sorted, and services and routes are written sorted
/// by name (their order means nothing to Kong), so equal configurations give equal bytes
/// and, sent as text, Kong's `check_hash` recognises an unchanged one.
public struct KongDeclarativeConfig: Codable, Sendable, Equatable {
    /// `_format_version`: `3.0` (Kong 3.x also reads `1.1` and `2.1`).
    public var formatVersion: String
    /// The services, each with its routes.
    public var services: [KongDeclarativeService]

    /// Creates a configuration in format 3.0.
    public init(services: [KongDeclarativeService]) {
        formatVersion = "3.0"
        self.services = services
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "_format_version"
        case services
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(String.self, forKey: .formatVersion)
        services = try container.decode([KongDeclarativeService].self, forKey: .services, default: [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(services.sorted { $0.name < $1.name }, forKey: .services)
    }

    /// The JSON that ``KongAdminClient/applyDeclarativeConfig(_:)`` sends: sorted keys,
    /// services and routes sorted by name.
    public func jsonBytes() throws(KongError) -> [UInt8] {
        do {
            return try ClientJSON.encode(self).get()
        } catch {
            throw .decoding(error.message)
        }
    }
}
