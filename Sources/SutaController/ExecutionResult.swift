/// What executing a plan did: each step's outcome, and every service's containers after.
public struct ExecutionResult: Sendable {
    public var outcomes: [Int: StepOutcome]
    public var containers: [String: [String]]

    public var failures: [Int: String] {
        outcomes.compactMapValues { if case .failed(let why) = $0 { why } else { nil } }
    }

    public var succeeded: Bool { outcomes.values.allSatisfy { $0 == .succeeded } }
}
