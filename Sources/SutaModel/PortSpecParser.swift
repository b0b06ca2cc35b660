/// Parses Compose's short port syntax `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`.
enum PortSpecParser {
    struct Parsed: Equatable {
        var hostIP: String?
        var hostPort: Int?
        var containerPort: Int
        var transport: PortMapping.TransportProtocol
    }

    /// nil when malformed: a port outside 1-65535, a range, a bad protocol or address.
    static func parse(_ text: String) -> Parsed? {
        var body = Substring(text)
        var transport = PortMapping.TransportProtocol.tcp
        if let slash = body.lastIndex(of: "/") {
            guard let parsed = PortMapping.TransportProtocol(rawValue: String(body[body.index(after: slash)...])) else { return nil }
            transport = parsed
            body = body[..<slash]
        }
        let parts = body.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func port(_ text: String) -> Int? {
            guard let value = Int(text), (1...65535).contains(value) else { return nil }
            return value
        }
        switch parts.count {
        case 1:
            guard let container = port(parts[0]) else { return nil }
            return Parsed(hostIP: nil, hostPort: nil, containerPort: container, transport: transport)
        case 2:
            guard let host = port(parts[0]), let container = port(parts[1]) else { return nil }
            return Parsed(hostIP: nil, hostPort: host, containerPort: container, transport: transport)
        case 3:
            guard IPv4Subnet.parseAddress(parts[0]) != nil, let container = port(parts[2]) else { return nil }
            if parts[1].isEmpty { return Parsed(hostIP: parts[0], hostPort: nil, containerPort: container, transport: transport) }
            guard let host = port(parts[1]) else { return nil }
            return Parsed(hostIP: parts[0], hostPort: host, containerPort: container, transport: transport)
        default:
            return nil
        }
    }
}
