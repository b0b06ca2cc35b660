import SutaPlan

/// What an apply did.
public struct ApplyOutcome: Sendable {
    public var plan: Plan
    /// nil for a dry run.
    public var execution: ExecutionResult?
    /// Services that did not become ready with `--wait`, and why.
    public var notReady: [String: String]
    public var duration: Duration

    public var succeeded: Bool { (execution?.succeeded ?? true) && notReady.isEmpty }
}
