/// What Kong's schema accepts for the route names and paths sutactl sends it: names are
/// letters, digits and `.`, `-`, `_`, `~`; paths start with `/`, have no empty segment (`//`),
/// use only the characters RFC 3986 allows in a path, and percent-escapes are complete.
enum KongGrammar {
    private static let nameBytes: Set<UInt8> = Set("._-~".utf8)
    private static let pathBytes: Set<UInt8> = Set("._~/%:@!$&'()*+,;=-".utf8)

    /// Why Kong would refuse `name` as a route name, or nil (`typedefs.utf8_name`: non-ASCII
    /// characters are allowed too).
    static func nameProblem(_ name: String) -> String? {
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 >= 0x80 || isAlphanumeric($0) || nameBytes.contains($0) }) else {
            return "must be letters, digits, `.`, `-`, `_` or `~` (Kong's name rule)"
        }
        return nil
    }

    /// Why Kong would refuse `path` as a route path, or nil.
    static func pathProblem(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return "must start with `/`" }
        guard !path.contains("//") else { return "must not have an empty segment (`//`)" }
        let bytes = Array(path.utf8)
        guard bytes.allSatisfy({ isAlphanumeric($0) || pathBytes.contains($0) }) else {
            return "has characters a URL path cannot hold (space, `?`, `#`, quotes, ...); percent-encode them"
        }
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "%") {
            guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else {
                return "has an incomplete percent-escape (`%` must be followed by two hex digits)"
            }
        }
        return nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (97...122).contains(byte) || (65...90).contains(byte) || (48...57).contains(byte)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte)
    }
}
