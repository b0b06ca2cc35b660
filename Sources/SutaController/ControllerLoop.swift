import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
    public func run(onReady: @escaping @Sendable (Int?) -> Void = { _ in }) async throws(SutaError) -> Int32 {
        let log = ControllerLog(json: settings.jsonLogs)
        var config = try target.config()
        let directory = try controller.state.writableProject(config.project.name)
        let harness = try ControllerHarness(directory: directory, settings: settings, metrics: metrics, paths: target.paths, log: log,
                                            source: "engine") { [engine = controller.engine, project = config.project.name] in
            engine.events(project: project).filter(\.needsReconcile)
        }
        defer { harness.stop() }
        let queue = harness.queue

        log.info("controller started", ["project": config.project.name, "profile": config.profileDisplayName,
                                        "metrics": harness.metricsAddress])
        var retryDelay = 0.25
        var scheduled: Task<Void, Never>?
        defer { scheduled?.cancel() }
        /// The next look a pass asks for: a backoff's end, or a retry of a failed pass.
        func follow(_ result: PassResult) {
            switch result {
            case .converged(let after):
                retryDelay = 0.25
                if let after { scheduled?.cancel(); scheduled = schedule(.requeue, after: after, into: queue) }
            case .retryable:
                scheduled?.cancel()
                scheduled = schedule(.requeue, after: retryDelay, into: queue)
                retryDelay = min(retryDelay * 2, 10)
            case .terminal: break
            }
        }
        follow(await reconcile(config, full: true, events: [], log: log))
        onReady(harness.server?.port)
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
            follow(await reconcile(config, full: full, events: events, log: log))
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
                for name in history.services.keys { history.services[name] = SupervisionRecord() }
                try? history.save(to: directory)
            }
            return config
        } catch {
            metrics.manifestsReloaded(valid: false)
            log.error("manifests changed but are invalid; keeping the last good state", ["problems": error.message])
            return nil
        }
    }

    /// How a pass ended, for the loop to schedule the next one (a pass never sleeps).
    enum PassResult {
        /// Look again after this many seconds (a supervised service's backoff), or not at all.
        case converged(requeueAfter: Double?)
        /// Failed in a way a retry can mend (the engine away, a request refused).
        case retryable
        /// Failed in a way only a change can mend (a conflict, invalid manifests): wait for one.
        case terminal
    }

    private func reconcile(_ config: ResolvedConfig, full: Bool, events: [EngineEvent], log: ControllerLog) async -> PassResult {
        let start = ContinuousClock.now
        var options = ApplyOptions()
        options.takeLock = false
        options.syncIntegrations = full
        // dockerd announces a death before its container list shows it (it saves the
        // container's state after the event), so the event's containers are read directly.
        options.refreshContainers = Array(Set(events.map(\.containerID))).sorted()
        var reconciled = target
        reconciled.resolution.config = config
        let metrics = self.metrics
        let policy = config.project.supervision
        do {
            let outcome = try await controller.apply(reconciled, options: options) { event in
                if case .finished(let step, let result, _) = event {
                    switch (result, step.action) {
                    case (.succeeded, .restartContainer(let service, _, _, _, _, let attempt)):
                        metrics.restarted()
                        // The first restart comes at once (as the kubelet's), each next one after its backoff.
                        let backoff = attempt == 1 ? Duration.zero : policy.backoff(attempt: attempt)
                        log.info("restarting \(service) after backoff", ["attempt": String(attempt), "backoff": DurationText.format(backoff)])
                    case (.succeeded, .holdService(let service, let reason)):
                        log.error("\(service) is crash-looping; not restarting it", ["restarts": reason.split(separator: " ").first.map(String.init) ?? "?"])
                    case (.succeeded, _): log.info("\(step.action.verb) \(step.action.subject)", ["cause": step.cause])
                    case (.failed(let why), _): log.error("\(step.action.verb) \(step.action.subject) failed", ["error": why])
                    case (.skipped(let why), _): log.error("\(step.action.verb) \(step.action.subject) skipped", ["reason": why])
                    }
                }
            }
            let seconds = (ContinuousClock.now - start).inSeconds
            metrics.reconciled(seconds: seconds, failed: !outcome.succeeded)
            for problem in outcome.plan.problems { log.error(problem) }
            let repairedServices = Set(outcome.plan.steps.filter { outcome.execution?.outcomes[$0.id] == .succeeded }.compactMap(\.action.service))
            // One repair per service, timed from its first event (a kill is kill + die + stop).
            let firstEvents = Dictionary(events.compactMap { event in event.service.map { ($0, event) } }) { a, b in a.received < b.received ? a : b }
            for (service, event) in firstEvents.sorted(by: { $0.key < $1.key }) where repairedServices.contains(service) {
                let latency = (ContinuousClock.now - event.received).inSeconds
                metrics.repaired(seconds: latency)
                log.info("repaired \(service) after \(event.action)", ["latency": DecimalText.fixed(latency, digits: 3) + "s"])
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
            return .converged(requeueAfter: outcome.plan.requeue.values.min())
        } catch {
            metrics.reconciled(seconds: (ContinuousClock.now - start).inSeconds, failed: true)
            let terminal = !error.retryable
            log.error(terminal ? "reconcile failed; waiting for a change" : "reconcile failed; retrying", ["error": error.message])
            return terminal ? .terminal : .retryable
        }
    }

    /// Pushes `trigger` after `seconds`, unless the loop is done by then.
    private func schedule(_ trigger: ControllerTrigger, after seconds: Double, into queue: TriggerQueue) -> Task<Void, Never> {
        Task {
            try? await Task.sleep(for: .milliseconds(Int(max(seconds, 0.01) * 1000)))
            if !Task.isCancelled { await queue.push(trigger) }
        }
    }
}
