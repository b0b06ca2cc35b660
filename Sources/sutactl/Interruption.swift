#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import Glibc
import Synchronization

/// Ctrl-C during apply: the first SIGINT asks the run to start nothing new and let the steps
/// in flight finish (so nothing is left half-created); a second one exits at once.
final class Interruption: @unchecked Sendable {
    private let requested = Mutex(false)
    private var source: DispatchSourceSignal?

    /// Starts listening for SIGINT.
    init() {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [weak self] in self?.signalled() }
        source.resume()
        self.source = source
    }

    var isRequested: Bool {
        requested.withLock { $0 }
    }

    private func signalled() {
        let again = requested.withLock { requested in
            defer { requested = true }
            return requested
        }
        if again {
            Console.error("interrupted again: exiting now; `sutactl apply` finishes the job")
            exit(ExitStatus.interrupted.rawValue)
        }
        Console.error("interrupting: finishing the steps in flight, starting nothing new (Ctrl-C again to exit now)")
    }
}
