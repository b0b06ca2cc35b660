import SutaModel

/// Choices that change what a plan contains.
public struct PlanOptions: Sendable, Hashable {
    /// Remove owned containers and networks that are no longer desired.
    public var prune: Bool
    /// With prune, remove owned volumes that are no longer desired too.
    public var pruneVolumes: Bool
    /// The host's CPU count: a CPU limit above it runs as the whole host.
    public var hostCPUs: Double
    /// The time supervision decisions are made at (Unix seconds): backoffs and restart windows.
    public var now: Double
    /// The project's key for fingerprinting field groups that hold secrets (the controller
    /// reads it from the state directory). Without one those groups are unknown, never changed.
    public var fingerprintKey: FingerprintKey?

    public init(prune: Bool = false, pruneVolumes: Bool = false, hostCPUs: Double = .infinity, now: Double = 0,
                fingerprintKey: FingerprintKey? = nil) {
        self.prune = prune
        self.pruneVolumes = pruneVolumes
        self.hostCPUs = hostCPUs
        self.now = now
        self.fingerprintKey = fingerprintKey
    }
}
