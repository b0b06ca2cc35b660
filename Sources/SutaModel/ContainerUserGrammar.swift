/// The `user` a container runs as: `USER` or `USER:GROUP`, each a name or a numeric id. Ids
/// are 0 to 2147483647 (runc refuses larger ones); names are letters, digits, `_`, `.` and
/// `-` (not starting with `-`), optionally ending in `$`, as useradd allows.
enum ContainerUserGrammar {
    /// The largest uid or gid runc accepts.
    static let maximumID = 2_147_483_647

    /// What is wrong with `text`, or nil when it is a user the engine can look up.
    static func problem(_ text: String) -> String? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "`user` must be USER or USER:GROUP, found `\(text)` (more than one `:`)" }
        for (index, part) in parts.enumerated() {
            let role = index == 0 ? "user" : "group"
            guard !part.isEmpty else { return "`user` has an empty \(role) in `\(text)`" }
            if part.utf8.allSatisfy({ (48...57).contains($0) }) {
                guard let id = Int(part), id <= maximumID else {
                    return "\(role) id \(part) in `user` is out of range: ids are 0 to \(maximumID)"
                }
                continue
            }
            guard isName(part) else {
                return "\(role) `\(part)` in `user` is not a valid name: use letters, digits, `_`, `.` or `-`, or a numeric id"
            }
        }
        return nil
    }

    private static func isName(_ name: Substring) -> Bool {
        var bytes = Array(name.utf8)
        if bytes.last == UInt8(ascii: "$") { bytes.removeLast() }
        guard let first = bytes.first, first != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { byte in
            (97...122).contains(byte) || (65...90).contains(byte) || (48...57).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
        }
    }
}
