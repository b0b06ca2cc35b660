/// Short hashes of a container's configuration, by group of fields, and one hash over all.
/// Stored in container labels so a later apply can tell whether, and where, a service changed.
///
/// A group's hash is one of: 8 hex digits (SHA-256 of a group without secrets);
/// `hmac:KEYID:MAC` (a group holding a secret, keyed with the project's `FingerprintKey`);
/// and, on the desired side only, `unset:NAME+NAME` (it uses unset secrets) or `nokey` (it
/// holds a secret and there is no key to fingerprint it with). The last two never reach a label.
public struct ConfigFingerprint: Sendable, Hashable {
    /// `(group, hash)` in a fixed order.
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

    /// One hash over every group: the `config-hash` label. It is computed from `fieldsLabel`,
    /// which is public, and so tells nothing more: a keyed group keeps it from testing guesses.
    public var hash: String { String(SHA256.hex(fieldsLabel).prefix(16)) }

    /// `image=1a2b3c4d,command=...`: the `config-fields` label.
    public var fieldsLabel: String { groups.map { "\($0.name)=\($0.hash)" }.joined(separator: ",") }

    /// The hash of a group that uses an unset secret starts with this, then names the variables.
    public static let unknownPrefix = "unset:"
    /// The hash of a group holding a secret, keyed: `hmac:KEYID:MAC`.
    public static let keyedPrefix = "hmac:"
    /// The hash of a group holding a secret when there is no key to fingerprint it with.
    public static let missingKey = "nokey"

    /// The hash of a group: plain for a group without secrets, keyed for one with, unknown
    /// when a secret is unset or there is no key.
    public static func groupHash(_ text: String, holdsSecret: Bool, key: FingerprintKey?) -> String {
        let unset = UnsetSecret.variables(in: text)
        if !unset.isEmpty { return unknownPrefix + unset.joined(separator: "+") }
        guard holdsSecret else { return String(SHA256.hex(text).prefix(8)) }
        guard let key else { return missingKey }
        return keyedPrefix + key.id + ":" + key.shortMAC(text)
    }

    /// Groups whose hash differs from `other` (or that only one side has). Groups that cannot
    /// be compared are not among them: unknown here (`unknownGroups`), or keyed under another
    /// key in `other`. A keyed group recorded with a plain hash (a label written before groups
    /// with secrets were keyed) is changed: recreating replaces the guessable label.
    public func changedGroups(since other: ConfigFingerprint) -> [String] {
        let old = Dictionary(other.groups.map { ($0.name, $0.hash) }, uniquingKeysWith: { a, _ in a })
        let new = Set(groups.map(\.name))
        return groups.compactMap { group in
            guard !ConfigFingerprint.isUnknown(group.hash) else { return nil }
            guard let recorded = old[group.name] else { return group.name }
            guard !ConfigFingerprint.isForeign(recorded, desired: group.hash), recorded != group.hash else { return nil }
            let unkeyed = group.hash.hasPrefix(ConfigFingerprint.keyedPrefix) && !recorded.hasPrefix(ConfigFingerprint.keyedPrefix)
            return unkeyed ? "\(group.name) (unkeyed hash from an older sutactl)" : group.name
        } + other.groups.map(\.name).filter { !new.contains($0) }
    }

    /// Groups that cannot be compared with any label, with why: `environment (DB_PASSWORD unset)`,
    /// `environment (no fingerprint key in the state directory)`.
    public var unknownGroups: [String] {
        groups.compactMap { group in
            if group.hash == ConfigFingerprint.missingKey { return "\(group.name) (no fingerprint key in the state directory)" }
            guard group.hash.hasPrefix(ConfigFingerprint.unknownPrefix) else { return nil }
            let variables = group.hash.dropFirst(ConfigFingerprint.unknownPrefix.count).split(separator: "+")
            let names = variables.count <= 2 ? variables.joined(separator: ", ") : "\(variables.count) secrets"
            return "\(group.name) (\(names) unset)"
        }
    }

    /// `unknownGroups`, and the groups `recorded` keyed under another key:
    /// `environment (recorded with another fingerprint key)`.
    public func unknownGroups(since recorded: ConfigFingerprint) -> [String] {
        let old = Dictionary(recorded.groups.map { ($0.name, $0.hash) }, uniquingKeysWith: { a, _ in a })
        return unknownGroups + groups.compactMap { group in
            guard let hash = old[group.name], ConfigFingerprint.isForeign(hash, desired: group.hash) else { return nil }
            return "\(group.name) (recorded with another fingerprint key)"
        }
    }

    private static func isUnknown(_ hash: String) -> Bool { hash.hasPrefix(unknownPrefix) || hash == missingKey }

    /// Both keyed, under different keys: the recorded value cannot be checked.
    private static func isForeign(_ recorded: String, desired: String) -> Bool {
        guard recorded.hasPrefix(keyedPrefix), desired.hasPrefix(keyedPrefix) else { return false }
        return recorded.split(separator: ":").dropFirst().first != desired.split(separator: ":").dropFirst().first
    }

    public static func == (lhs: ConfigFingerprint, rhs: ConfigFingerprint) -> Bool { lhs.fieldsLabel == rhs.fieldsLabel }
    public func hash(into hasher: inout Hasher) { hasher.combine(fieldsLabel) }
}
