import SutaPlan

/// How one plan step ended.
public enum StepOutcome: Sendable, Equatable {
    case succeeded
    case failed(String)
    /// Not run because a step it needed failed or was skipped.
    case skipped(String)
}
