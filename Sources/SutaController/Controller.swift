import Foundation
import SutaClients
import SutaModel
import SutaPlan

/// Orchestrates one command against the engine: observe, plan, execute, record.
public struct Controller: Sendable {
    public var engine: any EngineDriver
    public var state: StateDirectory
    public var environment: [String: String]

    public init(engine: any EngineDriver, state: StateDirectory, environment: [String: String]) {
        self.engine = engine
        self.state = state
        self.environment = environment
    }

    /// Takes the project lock, then plans and (unless a dry run) executes.
    public func apply(_ target: ManifestTarget, options: ApplyOptions, onLockWait: @escaping (String) -> Void = { _ in },
                      onIntegration: @escaping @Sendable (String) -> Void = { _ in },
                      report: @escaping @Sendable (ProgressEvent) -> Void) async throws(ControllerError) -> ApplyOutcome {
        let start = ContinuousClock.now
        let config = try target.config()
        // A dry run (diff) reads only: no state directory is created, no state file rewritten.
        // Before the first engine call: a state directory that cannot take the lock, the audit
        // log and state.json fails the apply while nothing has changed yet.
        let directory = options.dryRun ? state.project(config.project.name) : try state.writableProject(config.project.name)
        let lock = options.dryRun || !options.takeLock ? nil : try ProjectLock(directory: directory, wait: options.waitForLock, onWait: onLockWait)
        defer { withExtendedLifetime(lock) {} }

        var observed = try await observe()
        for id in options.refreshContainers { await refresh(id, in: &observed) }
        let plan = Planner(config: config, options: PlanOptions(prune: options.prune, pruneVolumes: options.pruneVolumes)).plan(observed)
        if !plan.conflicts.isEmpty {
            throw ControllerError(.conflict, plan.conflicts.map(\.description).joined(separator: "\n"))
        }
        let breakers = BreakerStore(directory: directory, policy: config.project.breakers)
        let registry = breakers.load()
        if options.dryRun {
            let integration = await IntegrationSync(config: config, breakers: registry, dryRun: true, report: { _ in }).run()
            return ApplyOutcome(plan: plan, execution: nil, notReady: [:], integration: integration, duration: ContinuousClock.now - start)
        }
        defer { breakers.save(registry) }

        let audit = AuditLog(directory: directory, environment: environment)
        let executor = PlanExecutor(engine: engine, config: config, parallelism: options.parallelism, timeout: options.timeout,
                                    interrupted: options.interrupted)
        var result = await executor.execute(plan, observed: observed) { event in
            if case .finished(let step, let outcome, _) = event {
                let (result, error): (String, String?) = switch outcome {
                case .succeeded: ("ok", nil)
                case .failed(let why): ("failed", why)
                case .skipped(let why): ("skipped", why)
                }
                audit.record(action: step.action.verb, object: [step.action.subject, step.action.object].filter { !$0.isEmpty }.joined(separator: " "),
                             cause: step.cause, result: result, error: error)
            }
            report(event)
        }
        var notReady: [String: String] = [:]
        let interrupted = options.interrupted()
        if options.wait && !interrupted && result.engineLost == nil {
            // Supervised services get restarts with backoff; the others are waited for.
            let supervised = config.services.filter(\.supervised)
            var others = config
            others.services.removeAll(where: \.supervised)
            var waiter = executor
            waiter.config = others
            notReady = await waiter.waitUntilReady(containers: result.containers)
            notReady.merge(await supervise(supervised, policy: config.project.supervision, containers: result.containers,
                                           directory: directory, timeout: options.timeout)) { first, _ in first }
        }
        if result.engineLost == nil && (!result.succeeded || !notReady.isEmpty) {
            // Failures while the engine was stopping can look like containers exiting: ask it afresh.
            result.engineLost = await engine.connectionProblem()
        }
        let integration = options.syncIntegrations && !interrupted && result.engineLost == nil
            ? await IntegrationSync(config: config, breakers: registry, dryRun: false, report: onIntegration).run() : IntegrationSync.Outcome()
        do {
            try ProjectState(project: config.project.name, profiles: target.profiles, paths: target.paths).save(to: state)
        } catch {
            throw ControllerError(.io, "cannot save the project state in \(directory.path): \(StateDirectory.reason(error))")
        }
        return ApplyOutcome(plan: plan, execution: result, notReady: notReady, integration: integration, duration: ContinuousClock.now - start)
    }

    /// Removes every object of the project (volumes only when asked), under the lock.
    public func down(project: String, volumes: Bool, waitForLock: Bool,
                     report: @escaping @Sendable (ProgressEvent) -> Void) async throws(ControllerError) -> ApplyOutcome {
        let empty = ResolvedConfig(project: ProjectSpec(name: project), profiles: [], services: [], networks: [], volumes: [])
        let directory = try state.writableProject(project)
        let lock = try ProjectLock(directory: directory, wait: waitForLock, onWait: { _ in })
        defer { withExtendedLifetime(lock) {} }
        let start = ContinuousClock.now
        let observed = try await observe()
        let plan = Planner(config: empty, options: PlanOptions(prune: true, pruneVolumes: volumes)).plan(observed)
        let audit = AuditLog(directory: directory, environment: environment)
        var result = await PlanExecutor(engine: engine, config: empty).execute(plan, observed: observed) { event in
            if case .finished(let step, let outcome, _) = event {
                audit.record(action: step.action.verb, object: step.action.subject, cause: "down", result: outcome == .succeeded ? "ok" : "failed")
            }
            report(event)
        }
        if result.engineLost == nil && !result.succeeded { result.engineLost = await engine.connectionProblem() }
        return ApplyOutcome(plan: plan, execution: result, notReady: [:], integration: IntegrationSync.Outcome(),
                            duration: ContinuousClock.now - start)
    }

    /// Supervises each service's containers in parallel; returns the ones that ended unhealthy.
    private func supervise(_ services: [ServiceSpec], policy: SupervisionPolicy, containers: [String: [String]],
                           directory: URL, timeout: Duration) async -> [String: String] {
        guard !services.isEmpty else { return [:] }
        let history = SupervisionHistory.load(from: directory)
        let supervisor = Supervisor(engine: engine, policy: policy)
        let results = await withTaskGroup(of: (String, Supervisor.Outcome?, SupervisionHistory).self) { group in
            for service in services {
                group.addTask {
                    var local = SupervisionHistory()
                    local.services[service.name] = history.services[service.name]
                    guard let id = containers[service.name]?.first else { return (service.name, nil, local) }
                    let outcome = await supervisor.supervise(service: service, containerID: id, history: &local, timeout: timeout)
                    return (service.name, outcome, local)
                }
            }
            return await group.reduce(into: [(String, Supervisor.Outcome?, SupervisionHistory)]()) { $0.append($1) }
        }
        var merged = history
        var problems: [String: String] = [:]
        for (name, outcome, local) in results {
            merged.services[name] = local.services[name]
            switch outcome {
            case nil: problems[name] = "no container"
            case .healthy?: break
            case .crashLooping(let restarts, let reason)?: problems[name] = "crash-looping after \(restarts) restarts: \(reason)"
            case .timedOut(let restarts, let last)?: problems[name] = "not healthy after \(restarts) restarts (last: \(last))"
            }
        }
        try? merged.save(to: directory)
        return problems
    }

    /// Replaces a listed container's state with a direct read (or drops it when it is gone).
    private func refresh(_ id: String, in observed: inout ObservedState) async {
        guard let index = observed.containers.firstIndex(where: { $0.id == id }) else { return }
        do {
            let status = try await engine.containerStatus(id: id)
            observed.containers[index].state = status.state
            observed.containers[index].health = status.health
        } catch let error as ControllerError where error.code == .notFound {
            observed.containers.remove(at: index)
        } catch {
            // Keep the listed state: the next event or resync looks again.
        }
    }

    public func observe() async throws(ControllerError) -> ObservedState {
        do {
            return try await engine.observe()
        } catch let error as ControllerError {
            throw error
        } catch {
            throw ControllerError(.engine, "cannot read the engine's state: \(error)")
        }
    }

    /// Resets one breaker (`sutactl breakers reset NAME`); false when there is none by that name.
    public func resetBreaker(_ name: String, project: ProjectSpec) throws(ControllerError) -> Bool {
        let store = BreakerStore(directory: try projectDirectory(project.name), policy: project.breakers)
        let registry = store.load()
        defer { store.save(registry) }
        return registry.reset(name)
    }

    /// Every breaker of the project as last saved (reads only).
    public func breakers(project: ProjectSpec) -> [BreakerSnapshot] {
        BreakerStore(directory: state.project(project.name), policy: project.breakers).load().snapshots()
    }

    func projectDirectory(_ project: String) throws(ControllerError) -> URL {
        do {
            return try state.ensure(project: project)
        } catch {
            throw ControllerError(.io, "cannot create the state directory \(state.project(project).path): \(error)")
        }
    }
}
