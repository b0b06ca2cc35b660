/// One `environment` entry of a service.
public struct EnvironmentVariable: Sendable, Hashable {
    public var name: String
    public var value: String
    /// The value came from a secret variable, or the name looks like one: never print it.
    public var isSecret: Bool

    public init(name: String, value: String, isSecret: Bool) {
        self.name = name
        self.value = value
        self.isSecret = isSecret
    }

    /// The value as it may be shown: `***` for secrets.
    public var displayValue: String { isSecret ? "***" : value }
}
