import SutaPlan

/// What the executor reports while it runs, for live output and the audit log.
public enum ProgressEvent: Sendable {
    case waiting(PlanStep, for: String)
    case started(PlanStep)
    /// How a long step is getting on (a model's download: `pulling 45%`).
    case progress(PlanStep, String)
    case finished(PlanStep, StepOutcome, Duration)
}
