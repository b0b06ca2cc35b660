/// What `POST /containers/{id}/wait` waits for.
public enum WaitCondition: String, Sendable {
    /// The container is not running (returns at once if it is not).
    case notRunning = "not-running"
    /// The container's next exit.
    case nextExit = "next-exit"
    /// The container is removed.
    case removed
}
