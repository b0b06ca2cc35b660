import SutaModel

/// How a container's recorded configuration differs from the desired one, by field group.
public struct ConfigDrift: Sendable, Hashable {
    /// Groups that differ; `(unrecorded)` when the container carries no fingerprint.
    public var changed: [String]
    /// Groups that cannot be compared because they use an unset secret: `environment (DB_PASSWORD unset)`.
    public var unknown: [String]

    /// Compares the container's `config-fields` label with the desired fingerprint.
    public init(recorded label: String?, desired: ConfigFingerprint) {
        unknown = desired.unknownGroups
        guard let recorded = label.flatMap(ConfigFingerprint.init(label:)) else {
            changed = ["(unrecorded)"]
            return
        }
        changed = desired.changedGroups(since: recorded)
    }
}
