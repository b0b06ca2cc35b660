/// Short hashes of a container's configuration, by group of fields, and one hash over all.
/// Stored in container labels so a later apply can tell whether, and where, a service changed.
public struct ConfigFingerprint: Sendable, Hashable {
    /// `(group, 8 hex digits)` in a fixed order.
    public var groups: [(name: String, hash: String)]

    public init(groups: [(name: String, hash: String)]) {
        self.groups = groups
    }

    /// Parses the `fieldsLabel` form; nil when malformed.
    public init?(label: String) {
        var groups: [(name: String, hash: String)] = []
        for part in label.split(separator: ",") {
            let pieces = part.split(separator: "=")
            guard pieces.count == 2 else { return nil }
            groups.append((String(pieces[0]), String(pieces[1])))
        }
        self.groups = groups
    }

    /// One hash over every group: the `config-hash` label.
    public var hash: String { String(SHA256.hex(fieldsLabel).prefix(16)) }

    /// `image=1a2b3c4d,command=...`: the `config-fields` label.
    public var fieldsLabel: String { groups.map { "\($0.name)=\($0.hash)" }.joined(separator: ",") }

    /// The hash of a group that uses an unset secret starts with this, then names the variables.
    public static let unknownPrefix = "unset:"

    /// Groups whose hash differs from `other` (or that only one side has); groups that cannot
    /// be compared (`unknownGroups`) are not among them.
    public func changedGroups(since other: ConfigFingerprint) -> [String] {
        let old = Dictionary(other.groups.map { ($0.name, $0.hash) }, uniquingKeysWith: { a, _ in a })
        let new = Set(groups.map(\.name))
        return groups.filter { old[$0.name] != $0.hash && !$0.hash.hasPrefix(ConfigFingerprint.unknownPrefix) }.map(\.name)
            + other.groups.map(\.name).filter { !new.contains($0) }
    }

    /// Groups that use a secret that is not set, with those variables: `environment (DB_PASSWORD unset)`.
    public var unknownGroups: [String] {
        groups.filter { $0.hash.hasPrefix(ConfigFingerprint.unknownPrefix) }.map { group in
            let variables = group.hash.dropFirst(ConfigFingerprint.unknownPrefix.count).split(separator: "+")
            let names = variables.count <= 2 ? variables.joined(separator: ", ") : "\(variables.count) secrets"
            return "\(group.name) (\(names) unset)"
        }
    }

    public static func == (lhs: ConfigFingerprint, rhs: ConfigFingerprint) -> Bool { lhs.fieldsLabel == rhs.fieldsLabel }
    public func hash(into hasher: inout Hasher) { hasher.combine(fieldsLabel) }
}
