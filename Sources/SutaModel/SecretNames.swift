/// Which variable and key names are treated as secrets.
public enum SecretNames {
    private static let markers: [[UInt8]] = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "API_KEY"].map { Array($0.utf8) }
    private static let keySuffix = Array("_KEY".utf8)

    /// True for names that contain PASSWORD, PASSWD, SECRET, TOKEN or API_KEY, or end in
    /// _KEY (any case). Byte-wise: this runs for every variable reference and env entry.
    public static func looksSecret(_ name: String) -> Bool {
        let upper = name.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
        if upper.count >= keySuffix.count, upper.suffix(keySuffix.count).elementsEqual(keySuffix) { return true }
        return markers.contains { marker in
            guard upper.count >= marker.count else { return false }
            return (0...(upper.count - marker.count)).contains { start in
                upper[start] == marker[0] && upper[start..<(start + marker.count)].elementsEqual(marker)
            }
        }
    }
}
