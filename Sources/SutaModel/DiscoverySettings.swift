/// Where the discovery agent (Consul) is.
public struct DiscoverySettings: Sendable, Hashable {
    /// The Service that runs the agent, if it is part of the project.
    public var service: String?
    /// The agent's container port; publishing it off loopback earns a warning.
    public var port: Int?
    public var address: String?
    /// Name of the environment variable that holds the ACL token (never the token itself).
    public var tokenEnv: String?

    public init(service: String? = nil, port: Int? = nil, address: String? = nil, tokenEnv: String? = nil) {
        self.service = service
        self.port = port
        self.address = address
        self.tokenEnv = tokenEnv
    }
}
