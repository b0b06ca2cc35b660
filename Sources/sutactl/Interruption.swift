import Foundation

/// Ctrl-C during apply: the first SIGINT asks the run to start nothing new and let the steps
/// in flight finish (so nothing is left half-created); a second one exits at once.
final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
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
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    private func signalled() {
        lock.lock()
        let again = requested
        requested = true
        lock.unlock()
        if again {
            Console.error("interrupted again: exiting now; `sutactl apply` finishes the job")
            exit(ExitStatus.interrupted.rawValue)
        }
        Console.error("interrupting: finishing the steps in flight, starting nothing new (Ctrl-C again to exit now)")
    }
}
