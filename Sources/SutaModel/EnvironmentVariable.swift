/// One `environment` entry of a service.
public struct EnvironmentVariable: Sendable, Hashable {
    public var name: String
    public var value: String
    /// The value came from a secret variable, or the name looks like one: never print it.
    public var isSecret: Bool
    /// The value as the manifest wrote it (`postgres://app:${DB_PASSWORD}@db`), kept when it
    /// used a secret variable, so the manifest can be written out again without the value.
    public var reference: String?

    public init(name: String, value: String, isSecret: Bool, reference: String? = nil) {
        self.name = name
        self.value = value
        self.isSecret = isSecret
        self.reference = reference
    }

    /// The value as it may be shown: `***` for secrets.
    public var displayValue: String { isSecret ? "***" : value }
}
