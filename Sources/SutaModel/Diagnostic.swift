import SutaYAML

/// One problem found in the manifests: an error stops the run, a warning does not.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var message: String
    /// Where in the manifests; nil for problems that have no single place (a missing file).
    public var location: SourceLocation?
    /// A suggestion a person can act on ("did you mean `memory`?").
    public var hint: String?
    /// The secret variable this diagnostic reports as unset, if that is what it says.
    public var unsetSecret: String?
    /// How many more diagnostics this entry stands for: identical ones (same severity, message
    /// and hint) at other places, not listed one by one (see `DiagnosticList`).
    public var omitted = 0

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    public static func error(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    public static func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    /// Compiler style: `file:line:col: error: message`, then `  hint: ...` on its own line,
    /// then `  ... and 99,998 more like this` when identical ones were left out.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        var text = "\(prefix)\(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: " + hint }
        if omitted > 0, location != nil { text += "\n  ... and \(Diagnostic.grouped(omitted)) more like this" }
        return text
    }

    /// `99998` as `99,998`.
    public static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
