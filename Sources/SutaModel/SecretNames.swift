/// Which variable and key names are treated as secrets.
public enum SecretNames {
    /// Words that make a name secret wherever they appear in it.
    private static let markers: [[UInt8]] = ["PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "API_KEY", "CREDENTIAL",
                                             "PRIVATE_KEY"].map { Array($0.utf8) }
    /// Endings that make a name secret.
    private static let suffixes: [[UInt8]] = ["_KEY", "_PASS", "_PWD"].map { Array($0.utf8) }

    /// True for names that contain PASSWORD, PASSWD, PASSPHRASE, SECRET, TOKEN, API_KEY,
    /// CREDENTIAL or PRIVATE_KEY, or end in _KEY, _PASS or _PWD (any case). Byte-wise and
    /// without allocating: this runs for every variable reference and env entry.
    public static func looksSecret(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            suffixes.contains { hasSuffix(bytes, $0) } || markers.contains { contains(bytes, $0) }
        }
    }

    @inline(__always)
    private static func upper(_ byte: UInt8) -> UInt8 { byte >= 97 && byte <= 122 ? byte - 32 : byte }

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard bytes.count >= suffix.count else { return false }
        let offset = bytes.count - suffix.count
        for index in suffix.indices where upper(bytes[offset + index]) != suffix[index] { return false }
        return true
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ marker: [UInt8]) -> Bool {
        guard bytes.count >= marker.count else { return false }
        let first = marker[0]
        for start in 0...(bytes.count - marker.count) where upper(bytes[start]) == first {
            var index = 1
            while index < marker.count, upper(bytes[start + index]) == marker[index] { index += 1 }
            if index == marker.count { return true }
        }
        return false
    }
}
