import SutaPlan

/// What the executor reports while it runs, for live output and the audit log.
public enum ProgressEvent: Sendable {
    case waiting(PlanStep, for: String)
    case started(PlanStep)
    case finished(PlanStep, StepOutcome, Duration)
    /// A line of a running step's output: an image build's progress, a model's download (`pulling 45%`).
    case output(PlanStep, String)
}
