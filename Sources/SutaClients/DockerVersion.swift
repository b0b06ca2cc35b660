/// The engine's version (`GET /version`).
public struct DockerVersion: Decodable, Sendable, Equatable {
    /// The engine's version, e.g. `20.10.24+dfsg1`.
    public var version: String
    /// The newest API version the engine speaks, e.g. `1.41`.
    public var apiVersion: String
    /// The oldest API version the engine accepts.
    public var minAPIVersion: String
    /// `linux`.
    public var os: String
    /// `amd64`, `arm64`, …
    public var arch: String
    /// The host kernel.
    public var kernelVersion: String

    enum CodingKeys: String, CodingKey {
        case version = "Version"
        case apiVersion = "ApiVersion"
        case minAPIVersion = "MinAPIVersion"
        case os = "Os"
        case arch = "Arch"
        case kernelVersion = "KernelVersion"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(String.self, forKey: .version)
        apiVersion = try container.decode(String.self, forKey: .apiVersion)
        minAPIVersion = try container.decode(String.self, forKey: .minAPIVersion, default: "")
        os = try container.decode(String.self, forKey: .os, default: "")
        arch = try container.decode(String.self, forKey: .arch, default: "")
        kernelVersion = try container.decode(String.self, forKey: .kernelVersion, default: "")
    }
}
