/// Where the gateway's (Kong's) admin API is, and how it is configured.
public struct GatewaySettings: Sendable, Hashable {
    /// DB-less (`POST /config`) or database mode (admin API upserts).
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case dbless
        case database
    }

    /// The Service that runs the gateway, if it is part of the project.
    public var service: String?
    /// The container port of the admin API; publishing it off loopback earns a warning.
    public var adminPort: Int?
    public var adminURL: String?
    public var mode: Mode

    public init(service: String? = nil, adminPort: Int? = nil, adminURL: String? = nil, mode: Mode = .dbless) {
        self.service = service
        self.adminPort = adminPort
        self.adminURL = adminURL
        self.mode = mode
    }
}
