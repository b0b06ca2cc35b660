/// Where a container port is published on the host (`HostConfig.PortBindings` values).
public struct PortBinding: Codable, Sendable, Equatable {
    /// The host address, e.g. `127.0.0.1`; empty or `nil` means all addresses.
    public var hostIP: String?
    /// The host port. **A string on the wire**; empty means a port the engine picks.
    public var hostPort: String

    /// Publishes on `hostIP`:`hostPort`; `hostPort` `nil` lets the engine pick a port.
    public init(hostIP: String? = nil, hostPort: Int?) {
        self.hostIP = hostIP
        self.hostPort = hostPort.map(String.init) ?? ""
    }

    enum CodingKeys: String, CodingKey {
        case hostIP = "HostIp"
        case hostPort = "HostPort"
    }
}
