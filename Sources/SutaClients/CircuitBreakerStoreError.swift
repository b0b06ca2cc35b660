/// The breaker state file could not be read or written
/// (``CircuitBreakerRegistry/load(from:settings:clock:)``, ``CircuitBreakerRegistry/save(to:)``).
public enum CircuitBreakerStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file exists but cannot be read.
    case unreadable(path: String, message: String)
    /// The file is not a breaker state file this version understands.
    case invalid(path: String, message: String)
    /// The file (or its directory) cannot be written.
    case unwritable(path: String, message: String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .unreadable(let path, let message): "cannot read the circuit breaker state in \(path): \(message)"
        case .invalid(let path, let message): "the circuit breaker state in \(path) is not valid (\(message)); delete the file to start afresh"
        case .unwritable(let path, let message): "cannot save the circuit breaker state to \(path): \(message)"
        }
    }
}
