import Synchronization

/// A value shared between a streaming transfer's callback (which runs on the transfer's
/// thread) and the task that started it.
final class LockedState<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) {
        storage = Mutex(value)
    }

    /// Runs `body` with the value, under the lock.
    func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        storage.withLock { value in body(&value) }
    }

    /// The current value.
    var value: Value { withLock { $0 } }
}
