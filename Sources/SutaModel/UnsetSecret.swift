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
}
