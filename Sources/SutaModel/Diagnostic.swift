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

    /// Compiler style: `file:line:col: error: message`, then `  hint: ...` on its own line.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        let head = "\(prefix)\(severity.rawValue): \(message)"
        guard let hint else { return head }
        return head + "\n  hint: " + hint
    }
}
