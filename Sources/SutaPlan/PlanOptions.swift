import SutaModel

/// Choices that change what a plan contains.
public struct PlanOptions: Sendable, Hashable {
    /// Remove owned containers and networks that are no longer desired.
    public var prune: Bool
    /// With prune, remove owned volumes that are no longer desired too.
    public var pruneVolumes: Bool
    /// The project's key for fingerprinting field groups that hold secrets (the controller
    /// reads it from the state directory). Without one those groups are unknown, never changed.
    public var fingerprintKey: FingerprintKey?

    public init(prune: Bool = false, pruneVolumes: Bool = false, fingerprintKey: FingerprintKey? = nil) {
        self.prune = prune
        self.pruneVolumes = pruneVolumes
        self.fingerprintKey = fingerprintKey
    }
}
