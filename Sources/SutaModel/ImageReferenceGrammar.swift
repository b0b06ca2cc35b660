/// Docker's image reference grammar (distribution/reference, as the engine parses it), so a
/// reference the engine would refuse is refused by `validate` first:
///
///     reference      := name [":" tag] ["@" digest]
///     name           := [domain "/"] path-component ["/" path-component]*
///     domain         := (domain-component ["." domain-component]* | "[" IPv6 "]") [":" port]
///     path-component := [a-z0-9]+ (("." | "_" | "__" | "-"+) [a-z0-9]+)*
///     tag            := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
///     digest         := "sha256:" 64 lowercase hex digits (sha384: 96, sha512: 128)
///
/// The whole name (domain and path) is at most 255 characters.
enum ImageReferenceGrammar {
    /// The longest name (without tag and digest) a reference may have.
    static let maximumNameLength = 255
    /// Digest algorithms the engine verifies, with the length of their hex encoding.
    static let digestLengths: [String: Int] = ["sha256": 64, "sha384": 96, "sha512": 128]

    /// Why `text` is not an image reference the engine accepts (Docker's words where it has
    /// them), or nil when it is one.
    static func problem(_ text: String) -> String? {
        guard !text.isEmpty else { return "repository name must have at least one component" }
        var name = Substring(text)
        if let at = name.firstIndex(of: "@") {
            let digest = name[name.index(after: at)...]
            if digest.contains("/") {
                return "credentials do not belong in an image reference: log the engine in to the registry (docker login) instead"
            }
            name = name[..<at]
            if let problem = digestProblem(digest) { return problem }
        }
        let lastSlash = name.lastIndex(of: "/") ?? name.startIndex
        if let colon = name[lastSlash...].lastIndex(of: ":") {
            let tag = name[name.index(after: colon)...]
            name = name[..<colon]
            if !isTag(tag) {
                return "tag `\(tag)` must be 1 to 128 letters, digits, `_`, `.` or `-`, and start with a letter, digit or `_`"
            }
        }
        guard !name.isEmpty else { return "repository name must have at least one component" }
        if let problem = nameProblem(name) {
            return isName(Substring(name.lowercased())) ? "repository name must be lowercase" : problem
        }
        guard name.utf8.count <= maximumNameLength else {
            return "repository name must not be more than \(maximumNameLength) characters (it has \(name.utf8.count))"
        }
        return nil
    }

    private static func digestProblem(_ digest: Substring) -> String? {
        let parts = digest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let expected = "digest must be sha256: followed by 64 lowercase hex digits"
        guard parts.count == 2, let length = digestLengths[String(parts[0])] else { return expected + ", found `\(digest)`" }
        let hex = parts[1].utf8
        guard hex.count == length, hex.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return "digest `\(digest)` must have \(length) lowercase hex digits after `\(parts[0]):`"
        }
        return nil
    }

    private static func isTag(_ tag: Substring) -> Bool {
        let bytes = tag.utf8
        guard let first = bytes.first, bytes.count <= 128, isWord(first) else { return false }
        return bytes.allSatisfy { isWord($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    private static func isName(_ name: Substring) -> Bool { nameProblem(name) == nil }

    /// nil when `name` is `[domain/]path`; otherwise what is wrong with it.
    private static func nameProblem(_ name: Substring) -> String? {
        var components = name.split(separator: "/", omittingEmptySubsequences: false)
        if components.count > 1, isDomain(components[0]) { components.removeFirst() }
        for component in components where !isPathComponent(component) {
            if component.isEmpty { return "invalid reference format: empty path component (`//` or a leading or trailing `/`)" }
            return "invalid reference format: `\(component)` must be lowercase letters and digits separated by `.`, `_`, `__` or `-`"
        }
        return nil
    }

    private static func isPathComponent(_ component: Substring) -> Bool {
        let bytes = Array(component.utf8)
        var index = 0
        func alphanumerics() -> Bool {
            let start = index
            while index < bytes.count, isLowerAlphanumeric(bytes[index]) { index += 1 }
            return index > start
        }
        guard alphanumerics() else { return false }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "."): index += 1
            case UInt8(ascii: "_"): index += index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "_") ? 2 : 1
            case UInt8(ascii: "-"): while index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            default: return false
            }
            guard alphanumerics() else { return false }
        }
        return true
    }

    /// `host[:port]`: dot-separated DNS labels (any case) or a bracketed IPv6 address.
    private static func isDomain(_ component: Substring) -> Bool {
        var host = component
        if let colon = host.lastIndex(of: ":"), !host.hasSuffix("]") {
            let port = host[host.index(after: colon)...]
            guard !port.isEmpty, port.utf8.allSatisfy({ (48...57).contains($0) }) else { return false }
            host = host[..<colon]
        }
        if host.hasPrefix("[") {
            let inner = host.dropFirst().dropLast()
            return host.hasSuffix("]") && !inner.isEmpty
                && inner.utf8.allSatisfy { isHexDigit($0) || $0 == UInt8(ascii: ":") }
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            let bytes = label.utf8
            guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
            return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool { (97...122).contains(byte) || (48...57).contains(byte) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLowerAlphanumeric(byte) || (65...90).contains(byte) }
    private static func isWord(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: "_") }
    private static func isHexDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte) }
}
