import SutaYAML

/// Bounds on what one config load reads, checked from file sizes before any file is read, so
/// that an oversized input is refused without being held in memory. With the YAML limits they
/// keep `validate` under 100 MB (and 1.5 s of CPU in a debug build) for any input it refuses.
public struct LoadLimits: Sendable {
    /// Most manifest files (`*.yaml`, `*.yml`) one load reads: more is usually a wrong `-f`.
    public var maxFiles: Int
    /// Most bytes of all manifest files and the `.env` file together.
    public var maxTotalBytes: Int
    /// Limits on each file's YAML (its size, scalars, depth) and on all files' nodes and text.
    public var yaml: YAMLLimits

    public init(maxFiles: Int = 1000, maxTotalBytes: Int = 64 << 20, yaml: YAMLLimits = .default) {
        self.maxFiles = maxFiles
        self.maxTotalBytes = maxTotalBytes
        self.yaml = yaml
    }

    public static let `default` = LoadLimits()
}
