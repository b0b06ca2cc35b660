import SutaYAML

/// A filesystem mounted into a service's containers.
public struct VolumeMount: Sendable, Hashable {
    /// What backs a mount.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case volume
        case bind
        case tmpfs
    }

    public var kind: Kind
    /// Volume name (`volume`), host path made absolute (`bind`), nil for `tmpfs`.
    public var source: String?
    public var target: String
    public var readOnly: Bool
    public var location: SourceLocation
    /// A bind written in the short form (`./dir:/x`): as with Compose (and `docker run -v`),
    /// a missing host directory is created. A long-form bind needs its source to exist.
    public var createsHostPath: Bool

    public init(kind: Kind, source: String?, target: String, readOnly: Bool, location: SourceLocation, createsHostPath: Bool = false) {
        self.kind = kind
        self.source = source
        self.target = target
        self.readOnly = readOnly
        self.location = location
        self.createsHostPath = createsHostPath
    }
}
