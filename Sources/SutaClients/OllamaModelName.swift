/// Model names as the Ollama server lists them, for comparing a name someone wrote with the
/// names the server reports.
public enum OllamaModelName {
    /// The name in the `name:tag` form the server lists: `tinyllama` becomes
    /// `tinyllama:latest`, `registry.ollama.ai/library/llama3.2:1b` becomes `llama3.2:1b`.
    ///
    /// A missing or empty tag becomes `latest`; a colon before the last `/` belongs to a
    /// registry host's port, not to the tag. The default registry host and the default
    /// `library` namespace are dropped, as the server drops them. Case is kept.
    public static func normalized(_ name: String) -> String {
        var name = Substring(name.trimmingSpaces)
        for prefix in ["registry.ollama.ai/", "library/"] where name.lowercased().hasPrefix(prefix) {
            name = name.dropFirst(prefix.count)
        }
        let lastSlash = name.lastIndex(of: "/")
        if let colon = name.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            return colon == name.index(before: name.endIndex) ? "\(name)latest" : String(name)
        }
        return "\(name):latest"
    }

    /// Whether `first` and `second` name the same model: equal once normalized, ignoring
    /// case (the server matches names without regard to case).
    public static func same(_ first: String, _ second: String) -> Bool {
        normalized(first).lowercased() == normalized(second).lowercased()
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
