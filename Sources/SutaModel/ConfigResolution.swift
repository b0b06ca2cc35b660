/// What resolving a set of manifests produced: the config when there are no errors,
/// and every diagnostic (errors and warnings), sorted by place.
public struct ConfigResolution: Sendable {
    public var config: ResolvedConfig?
    /// The project settings, read even when other documents have errors.
    public var project: ProjectSpec
    public var diagnostics: [Diagnostic]
    /// A problem with the command line rather than the files (an unknown profile name).
    public var usageError: String?
    /// Every profile and every service the manifests declare, sorted (for shell completion).
    public var profileNames: [String] = []
    public var serviceNames: [String] = []

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// Errors found, those not listed one by one included (`Diagnostic.omitted`).
    public var errorCount: Int { errors.reduce(0) { $0 + 1 + $1.omitted } }
    /// Warnings found, those not listed one by one included.
    public var warningCount: Int { warnings.reduce(0) { $0 + 1 + $1.omitted } }
}
