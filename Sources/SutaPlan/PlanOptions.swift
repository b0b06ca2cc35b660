/// Choices that change what a plan contains.
public struct PlanOptions: Sendable, Hashable {
    /// Remove owned containers and networks that are no longer desired.
    public var prune: Bool
    /// With prune, remove owned volumes that are no longer desired too.
    public var pruneVolumes: Bool

    public init(prune: Bool = false, pruneVolumes: Bool = false) {
        self.prune = prune
        self.pruneVolumes = pruneVolumes
    }
}
