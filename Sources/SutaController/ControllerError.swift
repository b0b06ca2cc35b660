/// An error of the controller layer, with a code the command line maps to an exit status.
public struct ControllerError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure; decides the exit status.
    public enum Code: Sendable, Equatable {
        case usage
        case validation
        case engineUnreachable
        case engine
        case conflict
        /// The object asked for does not exist.
        case notFound
        case locked
        /// The state directory (lock, audit log, state files) cannot be created or written.
        case io
    }

    public var code: Code
    public var message: String
    public var hint: String?

    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.map { "\(message)\n  hint: \($0)" } ?? message }
}
