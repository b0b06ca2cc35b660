/// The options of a `tmpfs` entry, as the engine parses them (moby's `ParseTmpfsOptions`):
/// mount flags (`ro`, `noexec`, `nosuid`, ...) and tmpfs data (`size=`, `mode=`, `uid=`,
/// `gid=`, `nr_inodes=`, `nr_blocks=`, `mpol=`). Anything else fails when the container starts.
enum TmpfsOptionGrammar {
    static let flags: Set<String> = [
        "ro", "rw", "suid", "nosuid", "dev", "nodev", "exec", "noexec", "sync", "async", "dirsync", "mand", "nomand",
        "atime", "noatime", "diratime", "nodiratime", "relatime", "norelatime", "strictatime", "nostrictatime",
    ]
    static let dataKeys = ["size", "mode", "uid", "gid", "nr_inodes", "nr_blocks", "mpol"]
    static let hint = "options are size=, mode=, uid=, gid=, nr_inodes=, nr_blocks=, mpol= and mount flags such as ro, noexec, nosuid, nodev"

    /// What is wrong with the comma-separated `options`, or nil.
    static func problem(_ options: String) -> String? {
        for option in options.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = option.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            if parts.count == 1 {
                if flags.contains(key) { continue }
                return dataKeys.contains(key) ? "tmpfs option `\(key)` needs a value (`\(key)=...`)" : "unknown tmpfs option `\(key)`"
            }
            guard dataKeys.contains(key) else { return "unknown tmpfs option `\(key)`" }
            let value = parts[1]
            let valid: Bool = switch key {
            case "size", "nr_blocks", "nr_inodes": isSize(value)
            case "mode": !value.isEmpty && value.utf8.allSatisfy { (48...55).contains($0) }
            case "uid", "gid": !value.isEmpty && value.utf8.allSatisfy(isDigit)
            default: !value.isEmpty
            }
            if !valid { return "tmpfs option `\(key)` has an invalid value `\(value)`" }
        }
        return nil
    }

    /// Digits with an optional unit (`k`, `m`, `g`, ... or `%` of memory), as tmpfs reads them.
    private static func isSize(_ value: Substring) -> Bool {
        var digits = value.utf8[...]
        if let last = digits.last, "kKmMgGtTpPeE%".utf8.contains(last) { digits = digits.dropLast() }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}
