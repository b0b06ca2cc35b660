/// A host address and port a container publishes: `127.0.0.1:8080/tcp`.
public struct HostPort: Sendable, Hashable, CustomStringConvertible {
    public var hostIP: String
    public var port: Int
    /// `tcp` or `udp`.
    public var transport: String

    public init(hostIP: String, port: Int, transport: String) {
        self.hostIP = hostIP
        self.port = port
        self.transport = transport
    }

    public var description: String { "\(hostIP):\(port)/\(transport)" }
}
