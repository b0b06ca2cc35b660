/// Reads the `KEY=VALUE` lines of a `.env` file.
public enum DotEnvParser {
    /// Variables of a `.env` text: `#` comments and blank lines skipped, an optional `export `
    /// prefix, values optionally in single or double quotes.
    public static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = Substring(rawLine).drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.first == "#" { continue }
            if line.hasPrefix("export ") { line = line.dropFirst("export ".count) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: " ")
            var value = String(line[line.index(after: equals)...]).trimmingCharacters(in: " ")
            if value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote {
                value = String(value.dropFirst().dropLast())
            } else if let hash = value.indices.first(where: { value[$0] == "#" && $0 > value.startIndex
                                                                && value[value.index(before: $0)] == " " }) {
                value = String(value[..<hash]).trimmingCharacters(in: " ")
            }
            if !key.isEmpty { result[key] = value }
        }
        return result
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String { String(self).trimmingCharacters(in: set) }
}
