/// HMAC-SHA256 (RFC 2104 with SHA-256, test vectors in RFC 4231): a keyed hash. Whoever
/// lacks the key cannot compute it, so a value hashed with it cannot be guessed and checked
/// offline the way a plain SHA-256 of the same value can.
public enum HMACSHA256 {
    /// SHA-256 works on 64-byte blocks; keys longer than that are hashed first.
    private static let blockSize = 64

    /// The 32-byte MAC of `message` under `key`.
    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > blockSize ? SHA256.digest(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = SHA256.digest(block.map { $0 ^ 0x36 } + message)
        return SHA256.digest(block.map { $0 ^ 0x5c } + inner)
    }

    /// The MAC as 64 lowercase hex digits.
    public static func hex(key: [UInt8], message: [UInt8]) -> String {
        SHA256.hexDigits(mac(key: key, message: message))
    }
}
