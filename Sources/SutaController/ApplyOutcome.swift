import SutaPlan

/// What an apply did.
public struct ApplyOutcome: Sendable {
    public var plan: Plan
    /// nil for a dry run.
    public var execution: ExecutionResult?
    /// Services that did not become ready with `--wait`, and why.
    public var notReady: [String: String]
    public var duration: Duration

    /// Why the engine could no longer be reached, when it went away during the run.
    public var engineLost: String? { execution?.engineLost }

    /// The plan's steps (all its looks), containers and integrations alike, and what the
    /// gateway, discovery agent or model server could not do (``Plan/problems``).
    public var succeeded: Bool { (execution?.succeeded ?? true) && notReady.isEmpty && plan.problems.isEmpty }
}
