import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc

/// An exclusive lock per project (flock on `lock` in its state directory), so two applies
/// never interleave. The kernel drops it when the process dies, so a killed sutactl never
/// leaves a stale lock.
public final class ProjectLock: @unchecked Sendable {
    private let descriptor: Int32
    public let path: String

    /// Takes the lock. When another process holds it: fails at once with `wait: false`,
    /// otherwise calls `onWait` with the holder's pid and blocks until it is free.
    public init(directory: URL, wait: Bool, onWait: (String) -> Void) throws(SutaError) {
        path = directory.appendingPathComponent("lock").path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SutaError(.io, "cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingWhitespace(includingNewlines: true) ?? "?"
            guard wait else {
                close(descriptor)
                throw SutaError(.locked, "another sutactl (pid \(holder)) is changing this project; try again, or drop --no-wait to wait for it")
            }
            onWait(holder)
            while flock(descriptor, LOCK_EX) != 0, errno == EINTR {}
        }
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
