/// Manifest files that could not be written, or would overwrite existing ones.
public struct ManifestWriteError: Error, Sendable, Equatable {
    public var message: String

    public init(message: String) { self.message = message }
}
