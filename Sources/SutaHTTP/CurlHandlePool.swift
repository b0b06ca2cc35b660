import Synchronization

/// Idle libcurl easy handles of one ``HTTPClient``. Reusing a handle reuses its open
/// connection; a handle is checked out by one transfer at a time, so none is ever shared.
final class CurlHandlePool: Sendable {
    private let idle = Mutex<[CurlEasyHandle]>([])
    private let capacity: Int

    /// A pool that keeps at most `capacity` idle handles; more may be in use at once.
    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// An idle handle, or a new one when none is idle.
    func checkOut() throws(HTTPError) -> CurlEasyHandle {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        return try CurlEasyHandle()
    }

    /// Returns a handle after its transfer; beyond the capacity it is closed (when the
    /// caller lets go of it, outside the lock).
    func checkIn(_ handle: CurlEasyHandle) {
        idle.withLock { handles in
            if handles.count < capacity { handles.append(handle) }
        }
    }
}
