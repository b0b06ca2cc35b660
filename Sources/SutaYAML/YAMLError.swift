/// A YAML file that cannot be read: a syntax error, a duplicate key, or input that breaks
/// one of the parser's limits (alias expansion, nesting depth, encoding).
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    /// What to do about it, when there is more to say than the message.
    public var hint: String?

    public init(_ message: String, at location: SourceLocation, hint: String? = nil) {
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Input text as quoted in a message: at most 60 characters, so a key or name of a
    /// megabyte does not make a message of one.
    public static func excerpt(_ text: String) -> String {
        text.count <= 60 ? text : text.prefix(57) + "..."
    }

    /// Compiler style: `file:line:col: error: message`, then `  hint: ...` on its own line.
    public var description: String {
        let head = "\(location): error: \(message)"
        return hint.map { head + "\n  hint: " + $0 } ?? head
    }
}
