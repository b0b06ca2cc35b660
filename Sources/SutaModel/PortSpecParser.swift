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

    /// The first port number of a malformed `text` that is a number but not 1 to 65535, with
    /// its role (`host` or `container`): what makes `parse` refuse it, said precisely.
    static func outOfRange(in text: String) -> (role: String, number: String)? {
        let body = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        let roles = parts.count == 1 ? ["container"] : parts.count == 2 ? ["host", "container"] : ["address", "host", "container"]
        for (part, role) in zip(parts, roles) where role != "address" && !part.isEmpty && part.utf8.allSatisfy({ (48...57).contains($0) }) {
            if let value = Int(part), (1...65535).contains(value) { continue }
            return (role, String(part))
        }
        return nil
    }
}
