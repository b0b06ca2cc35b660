/// Stands in for the value of a secret variable that is not set, when a read-only command
/// (`status`, `diff`, `config`, ...) resolves the manifests without it. The placeholder never
/// reaches the engine: `apply` and `profile` refuse unset secrets.
public enum UnsetSecret {
    private static let tag = "unset-secret:"

    /// The text that replaces `${NAME}` while `NAME` is unset.
    public static func placeholder(_ name: String) -> String { "\u{1}" + tag + name + "\u{1}" }

    /// The unset secret variables a value refers to, in order of appearance.
    public static func variables(in text: String) -> [String] {
        guard text.utf8.contains(1) else { return [] }
        var result: [String] = []
        // The text between two marker bytes names the variable.
        for piece in text.split(separator: "\u{1}", omittingEmptySubsequences: false).dropFirst()
        where piece.hasPrefix(tag) && !result.contains(String(piece.dropFirst(tag.count))) {
            result.append(String(piece.dropFirst(tag.count)))
        }
        return result
    }

    /// The values `text`'s unset secrets have in `actual`, the same value as a container that
    /// was created with them set holds it: `postgres://app:${DB_PASSWORD}@db` against
    /// `postgres://app:hunter2@db` gives `hunter2`. Secrets next to each other come out as one
    /// value. Empty when `actual` does not fit the text around them.
    public static func values(in text: String, from actual: String) -> [String] {
        let pieces = Array(text.utf8).split(separator: 1, omittingEmptySubsequences: false)
        let marker = Array(tag.utf8)
        // Literal text at even indices, `unset-secret:NAME` at odd ones.
        guard pieces.count >= 3, pieces.count % 2 == 1,
              stride(from: 1, to: pieces.count, by: 2).allSatisfy({ pieces[$0].starts(with: marker) }) else { return [] }
        let bytes = Array(actual.utf8)
        guard bytes.starts(with: pieces[0]) else { return [] }
        var values: [String] = []
        var position = pieces[0].count
        var index = 2
        while index < pieces.count {
            while index < pieces.count - 1 && pieces[index].isEmpty { index += 2 }
            let literal = Array(pieces[index])
            let valueEnd: Int
            if index == pieces.count - 1 {
                guard bytes.count - position >= literal.count, bytes.suffix(literal.count).elementsEqual(literal) else { return [] }
                valueEnd = bytes.count - literal.count
            } else {
                guard let found = (position...(max(position, bytes.count - literal.count))).first(where: { start in
                    start + literal.count <= bytes.count && bytes[start..<start + literal.count].elementsEqual(literal)
                }) else { return [] }
                valueEnd = found
            }
            if valueEnd > position { values.append(String(decoding: bytes[position..<valueEnd], as: UTF8.self)) }
            position = valueEnd + literal.count
            index += 2
        }
        return values
    }
}
