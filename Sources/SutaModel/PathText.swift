/// Path arithmetic on strings (no file system access): bind sources relative to their manifest.
public enum PathText {
    /// `source` made absolute against the directory of `file`, with `.` and `..` folded.
    /// `~` is left as written (the engine host's home is not ours to guess).
    public static func resolve(_ source: String, relativeTo file: String) -> String {
        guard !source.hasPrefix("/"), !source.hasPrefix("~") else { return source.hasPrefix("/") ? normalize(source) : source }
        let directory = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return normalize(directory.isEmpty ? source : directory + "/" + source)
    }

    /// `path` with `.`, `..` and repeated slashes folded.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// `path` normalized with a trailing slash, for prefix tests.
    public static func directory(_ path: String) -> String {
        let normalized = normalize(path)
        return normalized.hasSuffix("/") ? normalized : normalized + "/"
    }

    /// True when `path` names `/` (`/`, `//`, `/.`, `/..`), as the engine cleans mount targets.
    public static func isRoot(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        return normalize(path).split(separator: "/").allSatisfy { $0 == ".." }
    }

    /// The directory part of `path`, as `NSString.deletingLastPathComponent` has it: repeated
    /// and trailing slashes dropped first; `a` gives `` and `/a` gives `/`.
    public static func parent(_ path: String) -> String {
        var fixed = path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
        if path.hasPrefix("/") { fixed = "/" + fixed }
        guard fixed != "/", let slash = fixed.lastIndex(of: "/") else { return fixed == "/" ? fixed : "" }
        return slash == fixed.startIndex ? "/" : String(fixed[..<slash])
    }

    /// `component` after `base` with one slash between, as `NSString.appendingPathComponent`
    /// joins them (an empty `base` gives `component`).
    public static func appending(_ component: String, to base: String) -> String {
        if component.isEmpty { return base }
        if base.isEmpty { return component }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }
}
