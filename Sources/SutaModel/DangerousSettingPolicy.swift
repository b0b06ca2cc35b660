/// What a setting the CIS Docker Benchmark flags (a bind of /etc, `cap_add: ALL`, seccomp
/// unconfined, ...) is: a warning, or an error that stops `validate` and `apply`. Set by the
/// Project and by profiles (`policy: {dangerous: error}`); the strictest applied setting wins.
public enum DangerousSettingPolicy: String, Sendable, Hashable, CaseIterable {
    case warn
    case error

    /// The severity of a diagnostic about a dangerous setting.
    public var severity: Diagnostic.Severity { self == .error ? .error : .warning }
}
