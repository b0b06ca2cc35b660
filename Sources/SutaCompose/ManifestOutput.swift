import SutaModel

/// One manifest document to be written: its envelope and its `spec`, in the manifest
/// language's spelling, with comment lines to put above it.
public struct ManifestOutput: Sendable, Equatable {
    public var kind: ManifestKind
    public var name: String
    /// `metadata.labels`; left out when empty.
    public var labels: [String: String]
    /// The document's `spec`; nil leaves it out (a default Volume).
    public var spec: ConfigValue?
    /// Lines written as `# ...` above the document.
    public var comments: [String]

    public init(kind: ManifestKind, name: String, labels: [String: String] = [:], spec: ConfigValue?, comments: [String] = []) {
        self.kind = kind
        self.name = name
        self.labels = labels
        self.spec = spec
        self.comments = comments
    }

    /// The document as a value: `apiVersion`, `kind`, `metadata`, `spec`.
    var value: ConfigValue {
        var metadata: [(String, ConfigValue)] = [("name", .string(name))]
        if !labels.isEmpty {
            metadata.append(("labels", .object(labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })))
        }
        var fields: [(String, ConfigValue)] = [
            ("apiVersion", .string(ManifestDocument.apiVersion)), ("kind", .string(kind.rawValue)), ("metadata", .object(metadata)),
        ]
        if let spec { fields.append(("spec", spec)) }
        return .object(fields)
    }
}
