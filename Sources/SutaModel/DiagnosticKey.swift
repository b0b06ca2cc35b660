/// What makes two diagnostics "the same problem" apart from where: severity and message (the
/// hint follows from the message, and is worked out only for diagnostics that are listed).
struct DiagnosticKey: Hashable {
    let severity: Diagnostic.Severity
    let message: String
}
