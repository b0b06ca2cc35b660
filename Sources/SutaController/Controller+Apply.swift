import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaClients
import SutaModel
import SutaPlan

extension Controller {
    /// Takes the project lock, then plans and (unless a dry run) executes. With `wait`, waits
    /// for every service to be ready; supervised ones are looked at again until they are
    /// ready, held as crash-looping, or the timeout passes, each look a new plan (restarts
    /// with backoff are the planner's decisions).
    public func apply(_ target: ManifestTarget, options: ApplyOptions, onLockWait: @escaping (String) -> Void = { _ in },
                      report: @escaping @Sendable (ProgressEvent) -> Void) async throws(SutaError) -> ApplyOutcome {
        let start = ContinuousClock.now
        let config = try BuildContext.digested(try target.config())
        // A dry run (diff) reads only: no state directory is created, no state file rewritten.
        // Before the first engine call: a state directory that cannot take the lock, the audit
        // log and state.json fails the apply while nothing has changed yet.
        let directory = options.dryRun ? state.project(config.project.name) : try state.writableProject(config.project.name)
        let lock = options.dryRun || !options.takeLock ? nil : try ProjectLock(directory: directory, wait: options.waitForLock, onWait: onLockWait)
        defer { withExtendedLifetime(lock) {} }
        let appliedStore = AppliedSettingsStore(directory: directory)
        var history = SupervisionHistory.load(from: directory)
        // apply makes the project's fingerprint key the first time; a dry run only reads it.
        let key = options.dryRun ? try FingerprintKeyFile.load(from: directory) : try FingerprintKeyFile.loadOrCreate(in: directory)
        let breakers = BreakerStore(directory: directory, policy: config.project.breakers)
        let registry = breakers.load()
        let integrations = options.syncIntegrations ? IntegrationClients(config: config, breakers: registry, environment: environment) : nil

        var (observed, plan) = try await look(config, options: options, directory: directory, history: history, key: key,
                                              refresh: options.refreshContainers, integrations: integrations)
        if options.dryRun {
            return ApplyOutcome(plan: plan, execution: nil, notReady: [:], duration: ContinuousClock.now - start)
        }
        defer { breakers.save(registry) }

        let audit = AuditLog(directory: directory, environment: environment)
        let executor = PlanExecutor(engine: engine, integrations: integrations, config: config, parallelism: options.parallelism,
                                    timeout: options.timeout, interrupted: options.interrupted)
        var result = await execute(plan, observed: observed, executor: executor, audit: audit, report: report)
        history.record(plan, result: result, now: Date().timeIntervalSince1970)
        try? history.save(to: directory)
        // What the plan left for later (a gateway whose container it changed, a model's load
        // after its pull) is planned by the next look, once the services it needs are ready.
        var looks = 1
        while !plan.pending.isEmpty, looks < 4, result.succeeded, result.engineLost == nil, !options.interrupted() {
            looks += 1
            var awaited = executor
            awaited.config.services.removeAll { !plan.awaiting.contains($0.name) }
            let notReady = await awaited.waitUntilReady(containers: result.containers)
            guard notReady.isEmpty else { break }
            let next: Plan
            (observed, next) = try await look(config, options: options, directory: directory, history: history, key: key, refresh: [],
                                              integrations: integrations)
            let nextResult = await execute(next, observed: observed, executor: executor, audit: audit, report: report)
            result = result.followed(by: nextResult, offset: plan.steps.count)
            plan = plan.followed(by: next)
        }
        var notReady: [String: String] = [:]
        let interrupted = options.interrupted()
        if options.wait && !interrupted && result.engineLost == nil {
            var others = executor
            others.config.services.removeAll(where: \.supervised)
            notReady = await others.waitUntilReady(containers: result.containers)
            notReady.merge(await superviseUntilSettled(config, options: options, directory: directory, history: &history, key: key,
                                                       executor: executor, audit: audit, report: report)) { first, _ in first }
        }
        if result.engineLost == nil && (!result.succeeded || !notReady.isEmpty) {
            // Failures while the engine was stopping can look like containers exiting: ask it afresh.
            result.engineLost = await engine.connectionProblem()
        }
        do {
            try ProjectState(project: config.project.name, profiles: target.profiles, paths: target.paths).save(to: state)
            try appliedStore.save(Controller.applied(config, plan: plan, result: result, before: observed.applied))
        } catch {
            throw SutaError(.io, "cannot save the project state in \(directory.path): \(StateDirectory.reason(error))")
        }
        try RolloutHistory(directory: directory).record(config, plan: plan, result: result)
        return ApplyOutcome(plan: plan, execution: result, notReady: notReady, duration: ContinuousClock.now - start)
    }

    /// One look at the engine and the state directory, and the plan for it.
    private func look(_ config: ResolvedConfig, options: ApplyOptions, directory: URL, history: SupervisionHistory, key: FingerprintKey?,
                      refresh: [String], integrations: IntegrationClients?) async throws(SutaError) -> (ObservedState, Plan) {
        async let held = integrations?.observe()
        var observed = try await observe()
        observed.integrations = await held
        observed.imageBuildHashes = try await imageBuildHashes(Planner(config: config).builtImages.map(\.tag))
        observed.applied = AppliedSettingsStore(directory: directory).load()
        observed.supervision = history.services
        for id in refresh { await self.refresh(id, in: &observed) }
        let plan = Planner(config: config, options: PlanOptions(prune: options.prune, pruneVolumes: options.pruneVolumes,
                                                                hostCPUs: Double(ProcessInfo.processInfo.activeProcessorCount),
                                                                now: Date().timeIntervalSince1970, fingerprintKey: key)).plan(observed)
            .restricted(to: options.services)
        if !plan.conflicts.isEmpty {
            throw SutaError(.conflict, plan.conflicts.map(\.description).joined(separator: "\n"))
        }
        return (observed, plan)
    }

    private func execute(_ plan: Plan, observed: ObservedState, executor: PlanExecutor, audit: AuditLog,
                         report: @escaping @Sendable (ProgressEvent) -> Void) async -> ExecutionResult {
        await executor.execute(plan, observed: observed) { event in
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
    }

    /// `apply --wait` for supervised services: look again every half second (or when a
    /// backoff ends), carry out what the planner decides, until each is ready, held, or the
    /// timeout passes. Returns the ones that did not get ready, and why.
    private func superviseUntilSettled(_ config: ResolvedConfig, options: ApplyOptions, directory: URL, history: inout SupervisionHistory,
                                       key: FingerprintKey?, executor: PlanExecutor, audit: AuditLog,
                                       report: @escaping @Sendable (ProgressEvent) -> Void) async -> [String: String] {
        let supervised = config.services.filter(\.supervised)
        guard !supervised.isEmpty else { return [:] }
        let deadline = ContinuousClock.now + options.timeout
        var problems: [String: String] = [:]
        while true {
            guard let (observed, plan) = try? await look(config, options: options, directory: directory, history: history, key: key,
                                                         refresh: [], integrations: nil) else {
                return Dictionary(uniqueKeysWithValues: supervised.map { ($0.name, "the engine could not be read") })
            }
            problems = [:]
            var settled = true
            for service in supervised {
                let containers = observed.containers(of: config.project.name).filter { $0.service == service.name }
                let restarts = history.services[service.name]?.restarts.count ?? 0
                if let reason = plan.held[service.name] ?? plan.steps.compactMap({ step -> String? in
                    if case .holdService(service.name, let reason) = step.action { reason } else { nil }
                }).first {
                    problems[service.name] = "crash-looping after \(restarts) restarts: \(reason)"
                    continue
                }
                let checked = service.healthcheck.map { $0.probe != .disabled } ?? false
                let ready = !containers.isEmpty && containers.allSatisfy { $0.state == .running && (!checked || $0.health == .healthy) }
                if !ready {
                    settled = false
                    let last = containers.first.map { $0.health == .none ? $0.state.rawValue : "\($0.state.rawValue), \($0.health.rawValue)" } ?? "missing"
                    problems[service.name] = "not healthy after \(restarts) restarts (last: \(last))"
                }
            }
            let holds = plan.steps.contains { if case .holdService = $0.action { true } else { false } }
            if !plan.isEmpty {
                let result = await execute(plan, observed: observed, executor: executor, audit: audit, report: report)
                history.record(plan, result: result, now: Date().timeIntervalSince1970)
                try? history.save(to: directory)
            }
            if (settled && !holds) || ContinuousClock.now >= deadline || options.interrupted() { return problems }
            let pause = min(plan.requeue.values.min() ?? 0.5, 0.5)
            try? await Task.sleep(for: .milliseconds(Int(max(pause, 0.05) * 1000)))
        }
    }
}
