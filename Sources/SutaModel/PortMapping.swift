import SutaYAML

/// A container port published on the host.
public struct PortMapping: Sendable, Hashable {
    /// Transport protocol of a published port.
    public enum TransportProtocol: String, Sendable, Hashable, CaseIterable {
        case tcp
        case udp
    }

    /// Host address the port is bound to; 127.0.0.1 unless the manifest says otherwise.
    public var hostIP: String
    /// Host port; nil lets the engine pick one.
    public var hostPort: Int?
    public var containerPort: Int
    public var transport: TransportProtocol
    public var location: SourceLocation

    public init(hostIP: String, hostPort: Int?, containerPort: Int, transport: TransportProtocol, location: SourceLocation) {
        self.hostIP = hostIP
        self.hostPort = hostPort
        self.containerPort = containerPort
        self.transport = transport
        self.location = location
    }

    /// True for 127.0.0.0/8 and ::1, where only this machine can reach the port.
    public var isLoopback: Bool {
        hostIP.hasPrefix("127.") || hostIP == "::1" || hostIP == "localhost"
    }

    /// `127.0.0.1:10000:5432/tcp`, the short form.
    public var shortForm: String {
        let host = hostPort.map { "\(hostIP):\($0):" } ?? "\(hostIP)::"
        return "\(host)\(containerPort)/\(transport.rawValue)"
    }
}
