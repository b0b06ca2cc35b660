/// Memory amounts as manifests write them: `512M`, `2G`, `1.5G`, `2GiB`, or plain bytes.
public enum MemorySize {
    private static let multipliers: [Character: Double] = [
        "b": 1, "k": 1024, "m": 1024 * 1024, "g": 1024 * 1024 * 1024, "t": 1024 * 1024 * 1024 * 1024,
    ]

    /// Bytes, or nil when the text is not a memory size. Units are binary and case-insensitive.
    public static func parse(_ text: String) -> Int64? {
        var unit = text.trimmingCharacters(in: " ").lowercased()
        let number = unit.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !number.isEmpty, let value = Double(number) else { return nil }
        unit.removeFirst(number.count)
        // Accept k, kb, kib (and the same for m, g, t), or b alone.
        if unit.hasSuffix("ib") { unit.removeLast(2) } else if unit.count == 2, unit.hasSuffix("b") { unit.removeLast() }
        let multiplier: Double
        if unit.isEmpty {
            multiplier = 1
        } else if unit.count == 1, let m = multipliers[unit.first!] {
            multiplier = m
        } else {
            return nil
        }
        let bytes = (value * multiplier).rounded()
        guard bytes >= 1, bytes < 9.2e18 else { return nil }
        return Int64(bytes)
    }

    /// The shortest exact form: `2G`, `512M`, `1536M`, or bytes.
    public static func format(_ bytes: Int64) -> String {
        for (suffix, size) in [("T", Int64(1) << 40), ("G", Int64(1) << 30), ("M", Int64(1) << 20), ("K", Int64(1) << 10)]
        where bytes % size == 0 {
            return "\(bytes / size)\(suffix)"
        }
        return "\(bytes)"
    }
}
