/// The `security_opt` entries the engine's API accepts (moby's `parseSecurityOpt`):
/// `no-new-privileges[=BOOL]`, `seccomp=unconfined|builtin|JSON`, `apparmor=PROFILE` and
/// `label=disable|nested|user:…|role:…|type:…|level:…|filetype:…`, each with `=` or the older `:`.
/// Anything else the engine refuses ("invalid --security-opt"), or accepts and fails at start
/// (a seccomp profile *path*: only the docker CLI reads files; the API wants the JSON).
enum SecurityOptionGrammar {
    /// The keys the engine's API knows.
    static let keys = ["no-new-privileges", "seccomp", "apparmor", "label"]
    static let booleans: Set<String> = ["1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False"]
    static let labelKeys: Set<String> = ["user", "role", "type", "level", "filetype"]

    /// `option` split as the engine splits it: at the first `=`, else at the first `:`.
    static func split(_ option: String) -> (key: String, value: String)? {
        guard let separator = option.firstIndex(of: "=") ?? option.firstIndex(of: ":") else { return nil }
        return (String(option[..<separator]), String(option[option.index(after: separator)...]))
    }

    /// What is wrong with `option`, with a hint, or nil when the engine takes it.
    static func problem(_ option: String) -> (message: String, hint: String)? {
        if option == "no-new-privileges" { return nil }
        guard let (key, value) = split(option) else {
            return ("`security_opt` entry `\(option)` must be KEY=VALUE", "e.g. no-new-privileges:true, seccomp=unconfined, apparmor=PROFILE")
        }
        switch key {
        case "no-new-privileges":
            guard booleans.contains(value) else {
                return ("`no-new-privileges` must be true or false, found `\(value)`", "write no-new-privileges:true")
            }
        case "seccomp":
            guard value.isEmpty || value == "unconfined" || value == "builtin" || value.hasPrefix("{") else {
                return ("`seccomp` must be `unconfined`, `builtin` or a profile's JSON, found `\(value)`",
                        "the engine does not read profile files (the docker CLI reads them and sends their JSON)")
            }
        case "apparmor":
            return nil
        case "label":
            let parts = value.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard value == "disable" || value == "nested" || (parts.count == 2 && labelKeys.contains(String(parts[0])) && !parts[1].isEmpty) else {
                return ("SELinux `label` must be disable, nested, or user:, role:, type:, level: or filetype: with a value, found `\(value)`",
                        "e.g. label=type:container_t")
            }
        default:
            return ("unknown security option `\(key)` in `\(option)`",
                    Suggestion.hint(for: key, among: keys) ?? "the engine's API takes \(keys.joined(separator: ", "))")
        }
        return nil
    }
}
