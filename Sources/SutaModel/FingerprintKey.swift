/// The project's secret key for the fingerprints of field groups that hold secrets.
///
/// Container labels are readable by anyone who can list containers or watch the engine's
/// events, and a plain hash of a password can be tested offline against guesses. Groups
/// holding a secret are therefore fingerprinted with HMAC-SHA256 under this key, which lives
/// only in the project's state directory (`fingerprint.key`, mode 0600): without it a label
/// says nothing about the secret. The controller reads (or creates) it and hands it to the
/// planner as a value. Its description never shows the key.
public struct FingerprintKey: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The key's length: SHA-256's output size, as RFC 2104 recommends.
    public static let byteCount = 32

    /// The key bytes.
    public let bytes: [UInt8]

    /// A key of exactly `byteCount` bytes; nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == FingerprintKey.byteCount else { return nil }
        self.bytes = bytes
    }

    /// Reads the key file's form: 64 hex digits, optionally followed by a newline; nil for
    /// anything else.
    public init?(fileText: String) {
        var digits = Array(fileText.utf8)
        if digits.last == UInt8(ascii: "\n") { digits.removeLast() }
        guard digits.count == FingerprintKey.byteCount * 2 else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = FingerprintKey.nibble(digits[index]), let low = FingerprintKey.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.bytes = bytes
    }

    /// The key file's form: 64 lowercase hex digits and a newline.
    public var fileText: String { SHA256.hexDigits(bytes) + "\n" }

    /// 8 hex digits naming the key (a MAC of a fixed text, so it reveals nothing of the key):
    /// labels carry it, so that a label written under another key is told from a changed value.
    public var id: String { String(HMACSHA256.hex(key: bytes, message: Array("sutactl fingerprint key id".utf8)).prefix(8)) }

    /// The first 8 hex digits of the MAC of `text`.
    public func shortMAC(_ text: String) -> String { shortMAC(bytes: Array(text.utf8)) }

    /// The same over raw bytes (a file's contents).
    public func shortMAC(bytes message: [UInt8]) -> String { String(HMACSHA256.hex(key: bytes, message: message).prefix(8)) }

    public var description: String { "fingerprint key \(id)" }

    /// `dump` and debuggers show the key's id, not its bytes.
    public var customMirror: Mirror { Mirror(self, children: ["id": id]) }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
