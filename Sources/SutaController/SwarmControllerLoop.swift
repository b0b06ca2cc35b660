import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel
import SutaPlan

/// `sutactl controller` in engine mode swarm: keeps the project's swarm services as the
/// manifests say. Level-based, as ``ControllerLoop``: every trigger (a service, node or task
/// event on the manager, the resync timer, a manifest edit) leads to one look at the swarm and
/// a ``SwarmPlanner`` plan; a service changed by hand is updated back. A node going down is
/// reported (the swarm reschedules its tasks itself). A pass never sleeps: a failed one is
/// retried with backoff, a terminal one waits for a change.
public struct SwarmControllerLoop: Sendable {
    public var controller: SwarmController
    public var target: ManifestTarget
    public var settings: ControllerLoop.Settings
    public let metrics = ControllerMetrics()

    public init(controller: SwarmController, target: ManifestTarget, settings: ControllerLoop.Settings) {
        self.controller = controller
        self.target = target
        self.settings = settings
    }

    /// Runs until SIGTERM or SIGINT; returns the exit status (0 after a clean stop).
    public func run() async throws(SutaError) -> Int32 {
        let log = ControllerLog(json: settings.jsonLogs)
        var config = try target.config()
        let directory = try controller.state.writableProject(config.project.name)
        let harness = try ControllerHarness(directory: directory, settings: settings, metrics: metrics, paths: target.paths, log: log,
                                            source: "manager") { [driver = controller.driver, project = config.project.name] in
            driver.events(project: project)
        }
        defer { harness.stop() }
        let queue = harness.queue

        log.info("controller started", ["project": config.project.name, "profile": config.profileDisplayName, "engine": "swarm",
                                        "metrics": harness.metricsAddress])
        var retryDelay = 0.25
        var scheduled: Task<Void, Never>?
        defer { scheduled?.cancel() }
        var nodes: [String: String] = [:]
        func follow(_ failure: SutaError?) {
            guard let failure else { retryDelay = 0.25; return }
            guard failure.retryable else { return }
            scheduled?.cancel()
            scheduled = Task { [delay = retryDelay] in
                try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
                if !Task.isCancelled { await queue.push(.requeue) }
            }
            retryDelay = min(retryDelay * 2, 10)
        }
        follow(await reconcile(config, events: [], nodes: &nodes, log: log))
        while true {
            var pending = await queue.takeAll()
            // Let the rest of a burst arrive (an update is several service events), then take it in one pass.
            try? await Task.sleep(for: .milliseconds(50))
            pending += await queue.takeAllQueued()
            if pending.contains(where: { if case .stop = $0 { true } else { false } }) { break }
            if pending.contains(where: { if case .manifestsChanged = $0 { true } else { false } }), let reloaded = reload(log: log) {
                config = reloaded
            }
            let events: [EngineEvent] = pending.compactMap { if case .event(let event) = $0 { event } else { nil } }
            follow(await reconcile(config, events: events, nodes: &nodes, log: log))
        }
        log.info("controller stopped")
        return 0
    }

    /// The manifests again; nil (the last good state kept) when they are now invalid.
    private func reload(log: ControllerLog) -> ResolvedConfig? {
        do {
            let config = try ManifestTarget.load(paths: target.paths, profiles: target.profiles, environment: controller.environment,
                                                 state: controller.state).config()
            metrics.manifestsReloaded(valid: true)
            log.info("manifests changed; applying")
            return config
        } catch {
            metrics.manifestsReloaded(valid: false)
            log.error("manifests changed but are invalid; keeping the last good state", ["problems": error.message])
            return nil
        }
    }

    /// One pass: plan and carry out, then read the services' tasks and the nodes for the
    /// metrics and the node lines. `nodes`: each node's state at the last pass. nil when the
    /// pass converged, else why not.
    private func reconcile(_ config: ResolvedConfig, events: [EngineEvent], nodes: inout [String: String], log: ControllerLog) async -> SutaError? {
        let start = ContinuousClock.now
        var options = ApplyOptions()
        options.takeLock = false
        options.awaitChanged = false
        options.prune = false
        var failure: SutaError?
        do {
            let outcome = try await controller.apply(config, options: options) { line in
                line.hasSuffix(": done") ? log.info(String(line.dropLast(": done".count))) : log.error(line)
            }
            metrics.reconciled(seconds: (ContinuousClock.now - start).inSeconds, failed: !outcome.succeeded)
            if !outcome.succeeded { failure = SutaError(.engine, "a step failed") }
            let firstEvents = Dictionary(events.compactMap { event in event.service.map { ($0, event) } }) { a, b in a.received < b.received ? a : b }
            for step in outcome.plan.steps where step.cause.hasPrefix("drift") && outcome.execution?.outcomes[step.id] == .succeeded {
                guard let service = step.action.service else { continue }
                let latency = (ContinuousClock.now - (firstEvents[service]?.received ?? start)).inSeconds
                metrics.repaired(seconds: latency)
                log.info("repaired \(service) after \(firstEvents[service]?.action ?? "resync")",
                         ["changes": step.changes.map(\.text).joined(separator: "; "), "latency": DecimalText.fixed(latency, digits: 3) + "s"])
            }
        } catch {
            metrics.reconciled(seconds: (ContinuousClock.now - start).inSeconds, failed: true)
            log.error(error.retryable ? "reconcile failed; retrying" : "reconcile failed; waiting for a change", ["error": error.message])
            failure = error
        }
        guard let report = try? await controller.status(config) else { return failure }
        for node in report.nodes where nodes[node.hostname] != node.state {
            if node.state == "down" {
                log.error("node \(node.hostname) is down; the swarm reschedules its tasks", ["role": node.role])
            } else if nodes[node.hostname] == "down" {
                log.info("node \(node.hostname) is \(node.state) again", ["role": node.role])
            }
        }
        nodes = Dictionary(report.nodes.map { ($0.hostname, $0.state) }, uniquingKeysWith: { a, _ in a })
        metrics.setNodes(nodes.mapValues { $0 == "ready" })
        let tasks = report.services.map { ($0.0, (desired: $0.1?.desired ?? 0, running: $0.1?.running ?? 0)) }
        metrics.setTasks(Dictionary(tasks, uniquingKeysWith: { a, _ in a }))
        metrics.setHealth(Dictionary(tasks.map { ($0.0, $0.1.desired > 0 && $0.1.running >= $0.1.desired) }, uniquingKeysWith: { a, _ in a }))
        return failure
    }
}
