/// Kong's rule for one element of a route's `hosts` (`typedefs.hosts` in Kong's
/// `kong/db/schema/typedefs.lua`, with `normalize_ip` of `kong/tools/ip.lua`), so a host
/// Kong would refuse is caught at `validate`: at most one `*`, only as the leftmost or
/// rightmost label, and with the wildcard read as `abc`, a host name, IPv4 or IPv6 address
/// with an optional port. The messages are Kong's. The Kong stand-in refuses hosts by the
/// same rule.
public enum KongHostRule {
    /// Kong's message for `host`, or nil when Kong accepts it.
    public static func problem(_ host: String) -> String? {
        if host.isEmpty { return "length must be at least 1" }
        let stars = host.filter { $0 == "*" }.count
        if stars > 1 { return "invalid wildcard: must have at most one wildcard" }
        if stars == 1, !host.hasPrefix("*."), !host.hasSuffix(".*") {
            return "invalid wildcard: must be placed at leftmost or rightmost label"
        }
        return addressProblem(host.reduce(into: "") { mock, character in mock += character == "*" ? "abc" : String(character) })
    }

    /// `normalize_ip`: more than one `:` is IPv6, digits and dots IPv4, anything else a name.
    private static func addressProblem(_ address: String) -> String? {
        let colons = address.filter { $0 == ":" }.count
        if colons > 1 { return ipv6Problem(address) }
        if address.filter({ $0 != ":" }).allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) { return ipv4Problem(address) }
        return hostnameProblem(address)
    }

    private static func ipv4Problem(_ address: String) -> String? {
        let parts = address.split(separator: ":", omittingEmptySubsequences: false)
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let valid = octets.count == 4 && octets.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy(\.isASCII) && (Int($0) ?? 256) <= 255 }
        if !valid || (parts.count == 2 && (parts[1].isEmpty || Int(parts[1]) == nil)) { return "invalid ipv4 address: \(address)" }
        if parts.count == 2, let port = Int(parts[1]), port > 65535 { return "invalid port number" }
        return nil
    }

    private static func ipv6Problem(_ address: String) -> String? {
        var check = Substring(address)
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") {
            check = address[address.index(after: address.startIndex)..<close]
            let rest = address[address.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()), rest.dropFirst().allSatisfy(\.isNumber) else {
                    return "invalid ipv6 address"
                }
                if port > 65535 { return "invalid port number" }
            }
        }
        var text = String(check)
        if text.hasPrefix(":") { text = "0" + text }
        if text.hasSuffix(":") { text += "0" }
        let characters = Array(text)
        if let double = characters.indices.dropLast().first(where: { characters[$0] == ":" && characters[$0 + 1] == ":" }) {
            let count = characters.filter { $0 == ":" }.count
            text = String(characters[..<double]) + ":" + String(repeating: "0:", count: max(0, 8 - count)) + String(characters[(double + 2)...])
        }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        let valid = groups.count == 8 && groups.allSatisfy { (1...4).contains($0.count) && $0.allSatisfy(\.isHexDigit) }
        return valid ? nil : "invalid ipv6 address: \(address)"
    }

    /// `check_hostname`: letters, digits, `-`, `.` and `_`, no label ending in `-`, no empty
    /// label but a trailing one, and an optional `:port` up to 65535.
    private static func hostnameProblem(_ address: String) -> String? {
        var name = Substring(address)
        if let colon = address.lastIndex(of: ":"), !address[address.index(after: colon)...].isEmpty,
           address[address.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber }) {
            if Int(address[address.index(after: colon)...]).map({ $0 > 65535 }) ?? true { return "invalid port number" }
            name = address[..<colon]
        }
        let allowed = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "." || scalar == "_")
        }
        guard allowed else { return "invalid hostname: \(address)" }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        for (index, label) in labels.enumerated() where label.hasSuffix("-") || (label.isEmpty && index != labels.count - 1) {
            return "invalid hostname: \(address)"
        }
        return nil
    }
}
