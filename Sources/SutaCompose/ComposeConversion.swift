import SutaModel

/// What `convert` made of compose files: the manifest documents, and every key it could not
/// carry (warnings at the key) or input it could not read (errors).
public struct ComposeConversion: Sendable {
    /// Project, networks, volumes, services (in the compose file's order), profiles.
    public var documents: [ManifestOutput]
    /// Sorted by place.
    public var diagnostics: [Diagnostic]

    public init(documents: [ManifestOutput], diagnostics: [Diagnostic]) {
        self.documents = documents
        self.diagnostics = diagnostics
    }

    /// True when the compose files could not be converted (nothing should be written).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
