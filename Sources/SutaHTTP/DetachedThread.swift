import Glibc

/// A detached POSIX thread that runs one closure and ends: what `Foundation.Thread` gave the
/// client and the metrics server, without loading Foundation. The name shows in `top -H` and debuggers.
public enum DetachedThread {
    /// Starts `body` on a new thread named `name` (its first 15 bytes: Linux's limit).
    public static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(name: name, body: body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        var thread = pthread_t()
        let started = pthread_create(&thread, &attributes, entry, work)
        pthread_attr_destroy(&attributes)
        precondition(started == 0, "cannot start a thread: \(String(cString: strerror(started)))")
    }

    /// The new thread's start routine: takes over the ``Work``, names the thread, runs it.
    private static let entry: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { raw in
        let work = Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue()
        nameCurrentThread(work.name)
        work.body()
        return nil
    }

    /// Names the calling thread as `pthread_setname_np` does (which the Glibc module does not
    /// export): through its `comm` file; a kernel without `/proc/thread-self` leaves it unnamed.
    private static func nameCurrentThread(_ name: String) {
        let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// What the new thread runs, handed over through `pthread_create`'s argument.
    private final class Work {
        let name: String
        let body: @Sendable () -> Void

        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }
}
