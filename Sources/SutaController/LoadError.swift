/// A manifest path that cannot be read (missing, unreadable, or holding no YAML files).
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
