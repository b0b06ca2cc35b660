import SutaYAML

extension SpecReader {
    /// A service's `networks`: a list of names, or a mapping of names to `aliases` and
    /// `ipv4_address` (whose own position is kept for the checks against the network's subnet).
    mutating func networks(_ node: YAMLNode) -> [NetworkAttachment] {
        switch node.value {
        case .sequence(let items):
            return items.compactMap { item in
                string(item, "networks").map { NetworkAttachment(network: $0, aliases: [], ipv4Address: nil, location: item.location) }
            }
        case .mapping(let entries):
            return entries.compactMap { entry in
                guard let name = entry.key.scalarText else { return nil }
                var attachment = NetworkAttachment(network: name, aliases: [], ipv4Address: nil, location: entry.key.location)
                if entry.value.isNull { return attachment }
                guard let f = fields(entry.value, of: "network `\(name)`", allowed: ["aliases", "ipv4_address"]) else { return nil }
                if let n = f["aliases"] { attachment.aliases = stringList(n, "aliases") ?? [] }
                if let n = f["ipv4_address"], let text = string(n, "ipv4_address") {
                    if IPv4Subnet.parseAddress(text) == nil {
                        diagnostics.error("`ipv4_address` must be an IPv4 address, found `\(text)`", at: n.location)
                    } else {
                        attachment.ipv4Address = text
                        attachment.addressLocation = n.location
                    }
                }
                return attachment
            }
        case .scalar:
            diagnostics.error("`networks` must be a list of names or a mapping, found \(node.shapeName)", at: node.location)
            return []
        }
    }
}
