/// A YAML file that cannot be read: a syntax error, a duplicate key, or input that breaks
/// one of the parser's limits (alias expansion, nesting depth, encoding).
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): error: \(message)" }
}
