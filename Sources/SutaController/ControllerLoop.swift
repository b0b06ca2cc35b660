import Foundation
import SutaClients
import SutaModel
import SutaPlan

/// `sutactl controller`: keeps the project converged. Level-based: every trigger (an engine
/// event of the project, the resync timer, a manifest edit) leads to a look at the whole
/// engine and a plan, never to a replay of the event.
public struct ControllerLoop: Sendable {
    /// Settings of one controller run.
    public struct Settings: Sendable {
        public var resyncInterval: Duration = .seconds(30)
        public var watchInterval: Duration = .seconds(2)
        public var metricsPort: Int?
        public var jsonLogs = false

        public init() {}
    }

    public var controller: Controller
    public var target: ManifestTarget
    public var settings: Settings
    public let metrics = ControllerMetrics()

    public init(controller: Controller, target: ManifestTarget, settings: Settings) {
        self.controller = controller
        self.target = target
        self.settings = settings
    }

    /// Runs until SIGTERM or SIGINT; the action in flight finishes, the lock is released.
    /// Returns the exit status: 0 after a clean stop.
    public func run(onReady: @escaping @Sendable (Int?) -> Void = { _ in }) async throws(ControllerError) -> Int32 {
        let log = ControllerLog(json: settings.jsonLogs)
        var config = try target.config()
        let directory = try controller.state.writableProject(config.project.name)
        let lock = try ProjectLock(directory: directory, wait: true) { holder in
            log.info("waiting for another sutactl (pid \(holder)) to release the project")
        }
        defer { withExtendedLifetime(lock) {} }
        let metrics = self.metrics
        let server = try settings.metricsPort.map { port throws(ControllerError) in
            try MetricsServer(port: port) { path in
                switch path {
                case "/metrics": (200, metrics.text)
                case "/healthz": (200, "ok\n")
                default: (404, "not found\n")
                }
            }
        }
        defer { server?.stop() }

        let queue = TriggerQueue()
        let signals = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number)
            source.setEventHandler { Task { await queue.push(.stop) } }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        let project = config.project.name
        let tasks = [
            Task { await followEvents(project: project, into: queue, log: log) },
            Task { [interval = settings.resyncInterval] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    await queue.push(.resync)
                }
            },
            Task { [paths = target.paths, interval = settings.watchInterval] in
                var watcher = ManifestWatcher(paths: paths)
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    if watcher.changed() { await queue.push(.manifestsChanged) }
                }
            },
        ]
        defer { tasks.forEach { $0.cancel() } }

        log.info("controller started", ["project": config.project.name, "profile": config.profileDisplayName,
                                        "metrics": server.map { "127.0.0.1:\($0.port)/metrics" } ?? "off"])
        await reconcile(config, full: true, events: [], log: log)
        onReady(server?.port)
        while true {
            var pending = await queue.takeAll()
            // Let the rest of a burst arrive, then take it in the same pass.
            try? await Task.sleep(for: .milliseconds(50))
            if pending.allSatisfy({ if case .stop = $0 { false } else { true } }) {
                pending += await queue.takeAllQueued()
            }
            if pending.contains(where: { if case .stop = $0 { true } else { false } }) { break }
            var full = false
            if pending.contains(where: { if case .manifestsChanged = $0 { true } else { false } }) {
                if let reloaded = reload(log: log) {
                    config = reloaded
                    full = true
                }
            }
            full = full || pending.contains { if case .resync = $0 { true } else { false } }
            let events: [EngineEvent] = pending.compactMap { if case .event(let event) = $0 { event } else { nil } }
            await reconcile(config, full: full, events: events, log: log)
        }
        log.info("controller stopped")
        return 0
    }

    /// The manifests again; nil (the last good state kept) when they are now invalid.
    private func reload(log: ControllerLog) -> ResolvedConfig? {
        do {
            let reloaded = try ManifestTarget.load(paths: target.paths, profiles: target.profiles, environment: controller.environment,
                                                   state: controller.state)
            let config = try reloaded.config()
            metrics.manifestsReloaded(valid: true)
            log.info("manifests changed; applying")
            // An edit is the operator's answer to a crash loop: supervision starts afresh.
            if let directory = try? controller.projectDirectory(config.project.name) {
                var history = SupervisionHistory.load(from: directory)
                for name in history.services.keys { history.services[name]?.crashLooping = false }
                try? history.save(to: directory)
            }
            return config
        } catch {
            metrics.manifestsReloaded(valid: false)
            log.error("manifests changed but are invalid; keeping the last good state", ["problems": error.message])
            return nil
        }
    }

    private func reconcile(_ config: ResolvedConfig, full: Bool, events: [EngineEvent], log: ControllerLog) async {
        let start = ContinuousClock.now
        var options = ApplyOptions()
        options.takeLock = false
        options.syncIntegrations = full
        // dockerd announces a death before its container list shows it (it saves the
        // container's state after the event), so the event's containers are read directly.
        options.refreshContainers = Array(Set(events.map(\.containerID))).sorted()
        var reconciled = target
        reconciled.resolution.config = await supervise(config, events: events, log: log)
        do {
            let outcome = try await controller.apply(reconciled, options: options) { event in
                if case .finished(let step, let result, _) = event {
                    switch result {
                    case .succeeded: log.info("\(step.action.verb) \(step.action.subject)", ["cause": step.cause])
                    case .failed(let why): log.error("\(step.action.verb) \(step.action.subject) failed", ["error": why])
                    case .skipped(let why): log.error("\(step.action.verb) \(step.action.subject) skipped", ["reason": why])
                    }
                }
            }
            let seconds = Self.seconds(ContinuousClock.now - start)
            metrics.reconciled(seconds: seconds, failed: !outcome.succeeded)
            for failure in outcome.integration.failures { log.error(failure) }
            let repairedServices = Set(outcome.plan.steps.filter { outcome.execution?.outcomes[$0.id] == .succeeded }.compactMap(\.action.service))
            // One repair per service, timed from its first event (a kill is kill + die + stop).
            let firstEvents = Dictionary(events.compactMap { event in event.service.map { ($0, event) } }) { a, b in a.received < b.received ? a : b }
            for (service, event) in firstEvents.sorted(by: { $0.key < $1.key }) where repairedServices.contains(service) {
                let latency = Self.seconds(ContinuousClock.now - event.received)
                metrics.repaired(seconds: latency)
                log.info("repaired \(service) after \(event.action)", ["latency": String(format: "%.3fs", latency)])
            }
            if full { try? await controller.recordProbes(config) }
            let status = try? await controller.observe()
            metrics.setHealth(Dictionary(config.services.map { service in
                let containers = status?.containers(of: config.project.name).filter { $0.service == service.name } ?? []
                return (service.name, !containers.isEmpty && containers.allSatisfy { $0.state == .running && $0.health != .unhealthy })
            }, uniquingKeysWith: { a, _ in a }))
            metrics.setBreakers(Dictionary(uniqueKeysWithValues: controller.breakers(project: config.project).map {
                ($0.name, $0.state.rawValue)
            }))
        } catch {
            metrics.reconciled(seconds: Self.seconds(ContinuousClock.now - start), failed: true)
            log.error("reconcile failed", ["error": error.message])
        }
    }

    /// Supervised services that died get their restart through the supervision rules: each
    /// restart is recorded, waits its backoff, and past `maxRestarts` within the window the
    /// service is left stopped (crash loop) until an apply or a manifest edit. Returns the
    /// config to reconcile, without the services held back.
    private func supervise(_ config: ResolvedConfig, events: [EngineEvent], log: ControllerLog) async -> ResolvedConfig {
        guard let directory = try? controller.projectDirectory(config.project.name) else { return config }
        var history = SupervisionHistory.load(from: directory)
        let policy = config.project.supervision
        let died = Set(events.filter { ["die", "oom"].contains($0.action) }.compactMap(\.service))
        var held: Set<String> = []
        for service in config.services where service.supervised {
            if history.services[service.name]?.crashLooping == true {
                held.insert(service.name)
                continue
            }
            guard died.contains(service.name) else { continue }
            let now = Date()
            let recent = history.restarts(of: service.name, within: policy.restartWindow, now: now)
            if recent >= policy.maxRestarts {
                history.services[service.name, default: .init()].crashLooping = true
                history.services[service.name, default: .init()].lastReason = "\(recent) restarts within \(DurationText.format(policy.restartWindow))"
                log.error("\(service.name) is crash-looping; not restarting it", ["restarts": String(recent)])
                held.insert(service.name)
                continue
            }
            let delay = policy.backoff(attempt: recent + 1)
            history.services[service.name, default: .init()].restarts.append(now)
            metrics.restarted()
            log.info("restarting \(service.name) after backoff", ["attempt": String(recent + 1), "backoff": DurationText.format(delay)])
            try? await Task.sleep(for: delay)
        }
        try? history.save(to: directory)
        guard !held.isEmpty else { return config }
        var reduced = config
        reduced.services.removeAll { held.contains($0.name) }
        return reduced
    }

    /// Follows the project's events; when the stream breaks (the engine went away) retries
    /// with backoff and asks for a resync once it is back.
    private func followEvents(project: String, into queue: TriggerQueue, log: ControllerLog) async {
        var delay: Duration = .milliseconds(250)
        while !Task.isCancelled {
            do {
                for try await event in controller.engine.events(project: project) {
                    delay = .milliseconds(250)
                    if event.needsReconcile { await queue.push(.event(event)) }
                }
            } catch {
                log.error("lost the engine's event stream; retrying", ["error": "\(error)", "in": DurationText.format(delay)])
            }
            try? await Task.sleep(for: delay)
            delay = min(delay * 2, .seconds(10))
            metrics.engineReconnected()
            await queue.push(.resync)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
