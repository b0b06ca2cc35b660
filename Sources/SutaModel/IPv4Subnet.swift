/// An IPv4 network in CIDR form (`172.20.0.0/16`).
public struct IPv4Subnet: Sendable, Hashable, CustomStringConvertible {
    public var address: UInt32
    public var prefixLength: Int

    /// Parses `a.b.c.d/n`; nil when malformed.
    public init?(cidr: String) {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv4Subnet.parseAddress(String(parts[0])),
              let length = Int(parts[1]), (0...32).contains(length) else { return nil }
        self.address = address
        self.prefixLength = length
    }

    public var mask: UInt32 { prefixLength == 0 ? 0 : UInt32.max << (32 - UInt32(prefixLength)) }

    /// True when the address lies inside this network.
    public func contains(_ address: UInt32) -> Bool { address & mask == self.address & mask }

    public var description: String { "\(IPv4Subnet.format(address))/\(prefixLength)" }

    /// Parses a dotted-quad IPv4 address.
    public static func parseAddress(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard octet.count <= 3, let byte = UInt8(octet) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    static func format(_ address: UInt32) -> String {
        (0..<4).map { String((address >> (24 - 8 * UInt32($0))) & 0xff) }.joined(separator: ".")
    }
}
