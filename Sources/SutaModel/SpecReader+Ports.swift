import SutaYAML

extension SpecReader {
    /// One `ports` entry, long form or Compose's short syntax. A port number out of 1-65535 is
    /// named with its role and the range.
    mutating func port(_ node: YAMLNode) -> PortMapping? {
        if case .mapping = node.value {
            guard let f = fields(node, of: "port", allowed: ["target", "published", "host_ip", "protocol"]) else { return nil }
            guard let targetNode = f["target"] else {
                diagnostics.error("port has no `target` (the container port)", at: node.location)
                return nil
            }
            guard let target = port(targetNode, "target") else { return nil }
            var published: Int?
            if let n = f["published"] { published = port(n, "published"); if published == nil { return nil } }
            var hostIP = "127.0.0.1"
            if let n = f["host_ip"] {
                guard let ip = hostAddress(n) else { return nil }
                hostIP = ip
            }
            var transport = PortMapping.TransportProtocol.tcp
            if let n = f["protocol"] {
                guard let text = choice(n, "protocol", ["tcp", "udp"]) else { return nil }
                transport = PortMapping.TransportProtocol(rawValue: text)!
            }
            return PortMapping(hostIP: hostIP, hostPort: published, containerPort: target, transport: transport, location: node.location)
        }
        guard let text = string(node, "ports") else { return nil }
        guard let spec = PortSpecParser.parse(text) else {
            if let (role, number) = PortSpecParser.outOfRange(in: text) {
                let parts = text.split(separator: ":", omittingEmptySubsequences: false)
                let free = parts.count == 3 ? "\(parts[0])::\(parts[2])" : String(parts.last ?? "")
                let hint = role == "host" && Int(number) == 0 ? "leave the host port out (`\(free)`) and the engine picks a free one" : nil
                diagnostics.error("\(role) port \(number) in `\(text)` is out of range: ports are 1 to 65535", at: node.location, hint: hint)
                return nil
            }
            diagnostics.error("malformed port `\(text)`", at: node.location,
                              hint: "write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/tcp|udp], e.g. \"127.0.0.1:10000:5432\"")
            return nil
        }
        return PortMapping(hostIP: spec.hostIP ?? "127.0.0.1", hostPort: spec.hostPort, containerPort: spec.containerPort,
                           transport: spec.transport, location: node.location)
    }

    private mutating func hostAddress(_ node: YAMLNode) -> String? {
        guard let text = string(node, "host_ip") else { return nil }
        guard IPv4Subnet.parseAddress(text) != nil || text == "::1" || text == "::" else {
            diagnostics.error("`host_ip` must be an IPv4 address, found `\(text)`", at: node.location)
            return nil
        }
        return text
    }
}
