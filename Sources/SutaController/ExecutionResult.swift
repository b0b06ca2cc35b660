/// What executing a plan did: each step's outcome, and every service's containers after.
public struct ExecutionResult: Sendable {
    public var outcomes: [Int: StepOutcome]
    public var containers: [String: [String]]
    /// Why the engine could no longer be reached, when it went away during the run (the
    /// message names its socket); the steps not yet started then never started.
    public var engineLost: String?
    /// What went through but not quite as planned (a network the engine would not let go).
    public var warnings: [String]

    public init(outcomes: [Int: StepOutcome], containers: [String: [String]], engineLost: String? = nil, warnings: [String] = []) {
        self.outcomes = outcomes
        self.containers = containers
        self.engineLost = engineLost
        self.warnings = warnings
    }

    public var failures: [Int: String] {
        outcomes.compactMapValues { if case .failed(let why) = $0 { why } else { nil } }
    }

    public var succeeded: Bool { outcomes.values.allSatisfy { $0 == .succeeded } }
}
