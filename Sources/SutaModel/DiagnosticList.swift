import SutaYAML

/// Collects diagnostics while the manifests are decoded and checked.
///
/// The same problem can be reached more than once (a profile's `defaults` are merged
/// into every service), so a diagnostic with the same place and text is kept once. What a
/// diagnostic quotes passes through `DiagnosticText.printable` (credentials masked, control
/// characters escaped).
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        diagnostic.message = DiagnosticText.printable(diagnostic.message)
        diagnostic.hint = diagnostic.hint.map(DiagnosticText.printable)
        if seen.insert(diagnostic).inserted { items.append(diagnostic) }
    }

    public mutating func error(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        append(.error(message, at: location, hint: hint))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        append(.warning(message, at: location, hint: hint))
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Errors and warnings ordered by file, line and column; those without a place first.
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?): return l == r ? a.offset < b.offset : l < r
            case (nil, .some): return true
            case (.some, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
