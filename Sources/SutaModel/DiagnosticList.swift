import SutaYAML

/// Collects diagnostics while the manifests are decoded and checked.
///
/// The same problem can be reached more than once (a profile's `defaults` are merged
/// into every service), so a diagnostic with the same place and text is kept once. Hostile
/// input can produce a problem per node, so the list is bounded: of diagnostics with the same
/// severity and message only the first `keptPerText` are listed (the last of them counting the
/// rest in `omitted`), and once `maxListed` are listed further ones are only counted
/// (`unlistedSummary`). Hints are worked out only for diagnostics that are listed.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []
    /// Diagnostics without a place, listed.
    private var seenUnplaced: Set<Diagnostic> = []
    /// Hashes of the severity, message and place of every diagnostic with a place, listed or
    /// counted, so a repeat is neither listed nor counted twice.
    private var seenPlaces: Set<Int> = []
    /// For each text listed: how many are listed and the index of the last one.
    private var listedByText: [DiagnosticKey: (count: Int, last: Int)] = [:]
    private var unlisted: [Diagnostic.Severity: Int] = [:]

    /// Identical diagnostics listed before the rest are only counted.
    public static let keptPerText = 2
    /// Diagnostics listed before further ones are only counted.
    public static let maxListed = 1000

    public init() {}

    /// Adds a diagnostic built beforehand. One reporting an unset secret is never folded into
    /// an identical one: the resolver lists every place such a variable is used.
    public mutating func append(_ diagnostic: Diagnostic) {
        add(diagnostic.severity, diagnostic.message, at: diagnostic.location, folds: diagnostic.unsetSecret == nil) { diagnostic }
    }

    public mutating func error(_ message: String, at location: SourceLocation?, hint: @autoclosure () -> String? = nil) {
        add(.error, message, at: location) { .error(message, at: location, hint: hint()) }
    }

    public mutating func warning(_ message: String, at location: SourceLocation?, hint: @autoclosure () -> String? = nil) {
        add(.warning, message, at: location) { .warning(message, at: location, hint: hint()) }
    }

    /// Lists the diagnostic `make` builds, or only counts it (without building it); `folds`:
    /// whether it may be counted in an identical one listed before.
    private mutating func add(_ severity: Diagnostic.Severity, _ message: String, at location: SourceLocation?,
                              folds: Bool = true, _ make: () -> Diagnostic) {
        guard let location else {
            let diagnostic = Self.printable(make())
            if seenUnplaced.insert(diagnostic).inserted { items.append(diagnostic) }
            return
        }
        let text = DiagnosticKey(severity: severity, message: message)
        var hasher = Hasher()
        hasher.combine(text)
        hasher.combine(location)
        guard seenPlaces.insert(hasher.finalize()).inserted else { return }
        let listed = listedByText[text]
        if folds, let listed, listed.count >= Self.keptPerText {
            items[listed.last].omitted += 1
        } else if items.count >= Self.maxListed {
            unlisted[severity, default: 0] += 1
        } else {
            items.append(Self.printable(make()))
            listedByText[text] = ((listed?.count ?? 0) + 1, items.count - 1)
        }
    }

    /// The diagnostic with what it quotes made safe to print.
    private static func printable(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.message = DiagnosticText.printable(diagnostic.message)
        diagnostic.hint = diagnostic.hint.map(DiagnosticText.printable)
        return diagnostic
    }

    public var hasErrors: Bool { unlisted[.error] ?? 0 > 0 || items.contains { $0.severity == .error } }

    /// Errors and warnings ordered by file, line and column; those without a place first.
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?): return l == r ? a.offset < b.offset : l < r
            case (nil, .some): return true
            case (nil, nil): return a.offset < b.offset
            case (.some, nil): return false
            }
        }.map(\.element)
    }

    /// One diagnostic saying how many were counted but not listed, standing for all of them
    /// (`omitted`); empty when every one was listed. It goes after the sorted list.
    public var unlistedSummary: [Diagnostic] {
        let errors = unlisted[.error] ?? 0, warnings = unlisted[.warning] ?? 0
        guard errors + warnings > 0 else { return [] }
        var parts: [String] = []
        if errors > 0 { parts.append("\(Diagnostic.grouped(errors)) more error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(Diagnostic.grouped(warnings)) more warning\(warnings == 1 ? "" : "s")") }
        var summary = Diagnostic(errors > 0 ? .error : .warning, "too many problems: \(parts.joined(separator: " and ")) not listed",
                                 at: nil, hint: "the first \(Self.maxListed) are listed; fix those and run again")
        summary.omitted = errors + warnings - 1
        return [summary]
    }
}
