import SutaModel

/// How a container's recorded configuration differs from the desired one, by field group.
public struct ConfigDrift: Sendable, Hashable {
    /// Groups that differ; `(unrecorded)` when the container carries no fingerprint.
    public var changed: [String]
    /// Groups that cannot be compared, with why: `environment (DB_PASSWORD unset)`, no key, or
    /// recorded under another key. They are never counted as changed.
    public var unknown: [String]

    /// Compares the container's `config-fields` label with the desired fingerprint.
    public init(recorded label: String?, desired: ConfigFingerprint) {
        guard let recorded = label.flatMap(ConfigFingerprint.init(label:)) else {
            unknown = desired.unknownGroups
            changed = ["(unrecorded)"]
            return
        }
        unknown = desired.unknownGroups(since: recorded)
        changed = desired.changedGroups(since: recorded)
    }
}
