#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import Glibc
import SutaErrors
import SutaModel

/// What both controllers (containers and swarm) run around their passes: the project lock,
/// the metrics server, SIGTERM and SIGINT, the engine's events, the resync timer and the
/// manifest watcher, all feeding one trigger queue. Held for the run; ``stop()`` ends it.
final class ControllerHarness {
    let queue = TriggerQueue()
    let server: MetricsServer?
    private let lock: ProjectLock
    private var signals: [any DispatchSourceSignal] = []
    private var tasks: [Task<Void, Never>] = []

    /// `events` opens the stream of the project's events that call for a pass (`source`, e.g.
    /// `engine`, names it in the log); it is followed into the queue until cancelled, opened
    /// again with backoff when it breaks, and a resync asked for once it is back.
    init<Events: AsyncSequence & SendableMetatype>(directory: URL, settings: ControllerLoop.Settings, metrics: ControllerMetrics, paths: [String], log: ControllerLog,
                                source: String, events: @escaping @Sendable () -> Events) throws(SutaError)
    where Events.Element == EngineEvent, Events.AsyncIterator: SendableMetatype {
        lock = try ProjectLock(directory: directory, wait: true) { holder in
            log.info("waiting for another sutactl (pid \(holder)) to release the project")
        }
        server = try settings.metricsPort.map { port throws(SutaError) in
            try MetricsServer(port: port) { path in
                switch path {
                case "/metrics": (200, metrics.text)
                case "/healthz": (200, "ok\n")
                default: (404, "not found\n")
                }
            }
        }
        let queue = self.queue
        signals = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { Task { await queue.push(.stop) } }
            source.resume()
            return source
        }
        tasks = [
            Task {
                var delay: Duration = .milliseconds(250)
                while !Task.isCancelled {
                    do {
                        for try await event in events() {
                            delay = .milliseconds(250)
                            await queue.push(.event(event))
                        }
                    } catch {
                        log.error("lost the \(source)'s event stream; retrying", ["error": "\(error)", "in": DurationText.format(delay)])
                    }
                    try? await Task.sleep(for: delay)
                    delay = min(delay * 2, .seconds(10))
                    metrics.engineReconnected()
                    await queue.push(.resync)
                }
            },
            Task { [interval = settings.resyncInterval] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    await queue.push(.resync)
                }
            },
            Task { [interval = settings.watchInterval] in
                var watcher = ManifestWatcher(paths: paths)
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    if watcher.changed() { await queue.push(.manifestsChanged) }
                }
            },
        ]
    }

    /// `127.0.0.1:PORT/metrics`, or `off`.
    var metricsAddress: String { server.map { "127.0.0.1:\($0.port)/metrics" } ?? "off" }

    /// Ends the tasks, the signal handlers and the metrics server; the lock goes with the harness.
    func stop() {
        tasks.forEach { $0.cancel() }
        signals.forEach { $0.cancel() }
        server?.stop()
    }
}
