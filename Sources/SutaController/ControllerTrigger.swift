/// Why the controller reconciles now.
enum ControllerTrigger: Sendable {
    /// An engine event that can make reality differ (a container died, was removed, ...).
    case event(EngineEvent)
    /// The resync timer, or the engine's event stream coming back: look at everything.
    case resync
    case manifestsChanged
    /// A look the last pass asked for: a supervised service's backoff ended, or a failed pass
    /// is retried.
    case requeue
    case stop
}
