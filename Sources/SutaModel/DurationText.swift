/// Durations as manifests write them: `30s`, `1m30s`, `500ms`, `1.5s`, `2h`.
public enum DurationText {
    private static let units: [(suffix: String, nanoseconds: Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]

    /// Parses a duration; nil when the text is not one (a bare number has no unit and is rejected).
    public static func parse(_ text: String) -> Duration? {
        var rest = Substring(text.trimmingCharacters(in: " "))
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { $0.isLetter }
            // Longest match first so `ms` is not read as `m` followed by junk.
            guard let unit = units.first(where: { $0.suffix == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.nanoseconds
        }
        guard total < 9.2e18 else { return nil }
        return .nanoseconds(Int64(total.rounded()))
    }

    /// The shortest text that parses back to the same duration (`1m30s`, `500ms`).
    public static func format(_ duration: Duration) -> String {
        var nanos = duration.nanoseconds
        if nanos == 0 { return "0s" }
        var text = ""
        if nanos < 0 { text = "-"; nanos = -nanos }
        if nanos % 1_000_000_000 != 0 {
            if nanos % 1_000_000 == 0 { return text + "\(nanos / 1_000_000)ms" }
            if nanos % 1_000 == 0 { return text + "\(nanos / 1_000)us" }
            return text + "\(nanos)ns"
        }
        var seconds = nanos / 1_000_000_000
        let hours = seconds / 3600; seconds %= 3600
        let minutes = seconds / 60; seconds %= 60
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if seconds > 0 { text += "\(seconds)s" }
        return text
    }
}

extension Duration {
    /// The whole duration in nanoseconds, as the Docker API wants it.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
