/// One entry of `HostConfig.Mounts`: a volume, a bind mount or a tmpfs.
public struct Mount: Codable, Sendable, Equatable {
    /// `volume`, `bind` or `tmpfs`.
    public var type: MountType
    /// The volume name or host path; `nil` for a tmpfs (or an anonymous volume).
    public var source: String?
    /// The path inside the container.
    public var target: String
    /// Whether the mount is read-only.
    public var readOnly: Bool?

    /// Creates a mount.
    public init(type: MountType, source: String?, target: String, readOnly: Bool? = nil) {
        self.type = type
        self.source = source
        self.target = target
        self.readOnly = readOnly
    }

    enum CodingKeys: String, CodingKey {
        case type = "Type"
        case source = "Source"
        case target = "Target"
        case readOnly = "ReadOnly"
    }
}
