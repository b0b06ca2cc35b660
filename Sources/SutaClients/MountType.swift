/// The `Type` of a mount. A struct rather than an enum, so that kinds this client does not
/// create (`npipe`, `cluster`, `image`) still decode. Coded as its raw string.
public struct MountType: RawRepresentable, Codable, Sendable, Hashable, CustomStringConvertible {
    /// A host path mounted into the container.
    public static let bind = MountType(rawValue: "bind")
    /// A named (or anonymous) volume.
    public static let volume = MountType(rawValue: "volume")
    /// A memory-backed filesystem.
    public static let tmpfs = MountType(rawValue: "tmpfs")

    /// The engine's name for the kind.
    public var rawValue: String

    /// Creates a kind from the engine's name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The engine's name.
    public var description: String { rawValue }
}
