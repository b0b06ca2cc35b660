/// The bytes of one manifest file and the path it is reported under.
public struct ManifestFile: Sendable {
    /// The path as diagnostics show it (as the user gave it, or relative to it).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
