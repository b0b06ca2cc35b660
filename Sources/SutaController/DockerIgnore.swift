import SutaErrors

/// The patterns of a `.dockerignore` file, read and matched as Docker reads them (moby's
/// `ignorefile.ReadAll` and `patternmatcher`): one pattern a line, `#` lines skipped, spaces
/// trimmed, each cleaned like a path (`./a/` is `a`, a leading `/` dropped); `*` is any run of
/// characters but `/`, `?` one of them, `[...]` a class, `\` escapes, `**` any number of
/// directories (none included). A pattern that matches a directory matches everything in it;
/// `!` makes an exception; the last pattern that matches a path decides.
struct DockerIgnore: Sendable {
    /// `@unchecked`: `Regex` is not `Sendable`, but a compiled pattern is never changed.
    struct Pattern: @unchecked Sendable {
        let exclusion: Bool
        /// Matched scalar by scalar, as Go's `regexp` (and ICU, which read them before) do.
        let expression: Regex<AnyRegexOutput>
    }

    let patterns: [Pattern]

    /// An invalid pattern (an unclosed `[`), at its line of the file.
    struct Problem: Error {
        let line: Int
        let pattern: String
    }

    init(text: String) throws(Problem) {
        var patterns: [Pattern] = []
        var first = true
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(raw)
            if first, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            first = false
            if line.hasPrefix("#") { continue }
            line = line.trimmingWhitespace(includingNewlines: false)
            guard !line.isEmpty else { continue }
            let exclusion = line.hasPrefix("!")
            if exclusion { line = line.dropFirst().trimmingWhitespace(includingNewlines: false) }
            if !line.isEmpty {
                line = DockerIgnore.clean(line)
                if line.count > 1, line.hasPrefix("/") { line.removeFirst() }
            }
            guard let expression = try? Regex(DockerIgnore.expression(line)).matchingSemantics(.unicodeScalar) else {
                throw Problem(line: index + 1, pattern: line)
            }
            patterns.append(Pattern(exclusion: exclusion, expression: expression))
        }
        self.patterns = patterns
    }

    /// No patterns: everything is sent.
    static let none = DockerIgnore(patterns: [])

    private init(patterns: [Pattern]) {
        self.patterns = patterns
    }

    /// Some pattern is an exception: an excluded directory may hold files to send.
    var hasExceptions: Bool { patterns.contains(where: \.exclusion) }

    /// Whether `path` (relative to the context, `/`-separated) is left out: the last pattern
    /// that matches it or one of its parent directories decides.
    func excludes(_ path: String) -> Bool {
        let parents = path.split(separator: "/").dropLast()
        var matched = false
        for pattern in patterns where pattern.exclusion == matched {
            var match = DockerIgnore.matches(pattern.expression, path)
            if !match, !parents.isEmpty {
                for count in 1...parents.count where DockerIgnore.matches(pattern.expression, parents.prefix(count).joined(separator: "/")) {
                    match = true
                    break
                }
            }
            if match { matched = !pattern.exclusion }
        }
        return matched
    }

    private static func matches(_ expression: Regex<AnyRegexOutput>, _ text: String) -> Bool {
        (try? expression.firstMatch(in: text)) != nil
    }

    /// Go's `filepath.Clean`: repeated slashes, `.` and `..` folded.
    static func clean(_ path: String) -> String {
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." { parts.removeLast(); continue }
                if rooted { continue }
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return rooted ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The anchored regular expression of a pattern, as patternmatcher compiles it.
    static func expression(_ pattern: String) -> String {
        var result = "^"
        var characters = Array(pattern)[...]
        while let character = characters.popFirst() {
            switch character {
            case "*":
                if characters.first == "*" {
                    characters.removeFirst()
                    // `**/` is `**`.
                    if characters.first == "/" { characters.removeFirst() }
                    result += characters.isEmpty ? ".*" : "(.*/)?"
                } else {
                    result += "[^/]*"
                }
            case "?": result += "[^/]"
            case ".", "+", "(", ")", "|", "{", "}", "$": result += "\\" + String(character)
            case "\\":
                if let next = characters.popFirst() { result += "\\" + String(next) } else { result += "\\\\" }
            default: result.append(character)
            }
        }
        return result + "$"
    }
}
