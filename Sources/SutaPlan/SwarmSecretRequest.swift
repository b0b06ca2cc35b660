/// One version of a secret variable as a swarm secret: its versioned name, labels, and the
/// value (never printed, reflected or put in a label).
public struct SwarmSecretRequest: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// `PROJECT_VARIABLE_MAC`: the MAC (keyed with the project's fingerprint key) changes with
    /// the value, so a new value is a new secret and the service rotates to it.
    public var name: String
    public var variable: String
    public var labels: [String: String]
    public let value: String

    public init(name: String, variable: String, labels: [String: String], value: String) {
        self.name = name
        self.variable = variable
        self.labels = labels
        self.value = value
    }

    public var description: String { "secret \(name)" }
    public var customMirror: Mirror { Mirror(self, children: ["name": name, "variable": variable]) }
}
