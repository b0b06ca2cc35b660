import Synchronization

/// A value behind a lock that escaping closures can share (a `Mutex` or an `Atomic`
/// cannot be captured by one): what a stand-in route records, what a streaming callback
/// collects.
public final class SharedValue<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    /// Creates the shared value.
    public init(_ value: Value) {
        storage = Mutex(value)
    }

    /// Runs `body` with the value, under the lock.
    public func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        storage.withLock { value in body(&value) }
    }

    /// The current value.
    public var value: Value { withLock { $0 } }
}
