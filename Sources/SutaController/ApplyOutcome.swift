import SutaPlan

/// What an apply did.
public struct ApplyOutcome: Sendable {
    public var plan: Plan
    /// nil for a dry run.
    public var execution: ExecutionResult?
    /// Services that did not become ready with `--wait`, and why.
    public var notReady: [String: String]
    /// Gateway, discovery and model server changes, and what could not be done there.
    public var integration: IntegrationSync.Outcome
    public var duration: Duration

    /// Why the engine could no longer be reached, when it went away during the run.
    public var engineLost: String? { execution?.engineLost }

    public var succeeded: Bool { (execution?.succeeded ?? true) && notReady.isEmpty && integration.failures.isEmpty }
}
