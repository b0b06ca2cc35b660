#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaErrors
import SutaModel
import SutaPlan

/// `apply`, `diff`, `status` and `down` in engine mode swarm: observe the swarm through its
/// manager, plan with ``SwarmPlanner``, carry the steps out (``SwarmPlanExecutor``: each once
/// what it needs first succeeded and its dependencies' tasks meet their conditions), then wait
/// until every service's tasks run its current spec (healthy where it has a check) or its
/// update is rolled back.
public struct SwarmController: Sendable {
    public var driver: SwarmEngineDriver
    public var state: StateDirectory
    public var environment: [String: String]

    public init(driver: SwarmEngineDriver, state: StateDirectory, environment: [String: String]) {
        self.driver = driver
        self.state = state
        self.environment = environment
    }

    /// A plan (dry run: only that), else its execution and the services that did not
    /// converge, each with why (`rolled back: ...`).
    public func apply(_ config: ResolvedConfig, options: ApplyOptions, report: @escaping @Sendable (String) -> Void) async throws(SutaError) -> ApplyOutcome {
        let start = ContinuousClock.now
        let directory = options.dryRun ? state.project(config.project.name) : try state.writableProject(config.project.name)
        let lock = options.dryRun || !options.takeLock ? nil : try ProjectLock(directory: directory, wait: options.waitForLock, onWait: { _ in })
        defer { withExtendedLifetime(lock) {} }
        let key = options.dryRun ? try FingerprintKeyFile.load(from: directory) : try FingerprintKeyFile.loadOrCreate(in: directory)
        let observed = try await driver.observe()
        let plan = SwarmPlanner(config: config, options: PlanOptions(prune: options.prune, fingerprintKey: key), files: SwarmConfigFiles.read(config))
            .plan(observed).restricted(to: options.services)
        if !plan.conflicts.isEmpty { throw SutaError(.conflict, plan.conflicts.map(\.description).joined(separator: "\n")) }
        if options.dryRun { return ApplyOutcome(plan: plan, execution: nil, notReady: [:], duration: ContinuousClock.now - start) }
        let audit = AuditLog(directory: directory, environment: environment)
        let deadline = start + options.timeout
        let execution = await execute(plan, project: config.project.name, audit: audit, cause: "apply", deadline: deadline, report: report)
        var notReady: [String: String] = [:]
        if options.awaitChanged || options.wait {
            // What was sent is awaited even when another step failed: a rollback is still said.
            let touched = Set(plan.steps.compactMap(\.action.service))
            let failed = Set(plan.steps.filter { execution.outcomes[$0.id] != .succeeded }.compactMap(\.action.service))
            let awaited = config.services.filter { (options.services ?? [$0.name]).contains($0.name) && !failed.contains($0.name)
                && (options.wait || (options.awaitChanged && touched.contains($0.name))) }
            notReady = await waitUntilConverged(awaited, project: config.project.name, sent: SwarmPlanExecutor.sentLabels(plan), deadline: deadline)
        }
        var converged = execution
        for step in plan.steps where step.action.service.map({ notReady[$0] != nil }) ?? false { converged.outcomes[step.id] = .failed("not converged") }
        try RolloutHistory(directory: directory).record(config, plan: plan, result: converged)
        return ApplyOutcome(plan: plan, execution: execution, notReady: notReady, duration: ContinuousClock.now - start)
    }

    /// Remembers the target's manifests and profiles as the project's (what a later command
    /// without -f or --profile uses), as a container mode apply does.
    public func remember(_ target: ManifestTarget) throws(SutaError) {
        do {
            try ProjectState(project: target.resolution.project.name, profiles: target.profiles, paths: target.paths).save(to: state)
        } catch {
            throw SutaError(.io, "cannot save the project state in \(state.project(target.resolution.project.name).path): \(StateDirectory.reason(error))")
        }
    }

    /// Removes the project's services, secrets and networks from the swarm (every node).
    public func down(project: String, waitForLock: Bool, report: @escaping @Sendable (String) -> Void) async throws(SutaError) -> ApplyOutcome {
        let start = ContinuousClock.now
        let directory = try state.writableProject(project)
        let lock = try ProjectLock(directory: directory, wait: waitForLock, onWait: { _ in })
        defer { withExtendedLifetime(lock) {} }
        let empty = ResolvedConfig(project: ProjectSpec(name: project), profiles: [], services: [], networks: [], volumes: [])
        let plan = SwarmPlanner(config: empty, options: PlanOptions(prune: true)).plan(try await driver.observe())
        let execution = await execute(plan, project: project, audit: AuditLog(directory: directory, environment: environment),
                                      cause: "down", deadline: ContinuousClock.now + .seconds(300), report: report)
        return ApplyOutcome(plan: plan, execution: execution, notReady: [:], duration: ContinuousClock.now - start)
    }

    /// Streams the output of every task of `service` (`/services/{id}/logs`), with every secret
    /// value the manifests know (set in the environment or `.env`) printed as `***`; false when
    /// the swarm has no such service.
    public func logs(service: String, target: ManifestTarget, follow: Bool, tail: Int?,
                     onOutput: @escaping @Sendable ([UInt8]) -> Void) async throws(SutaError) -> Bool {
        let name = ResourceNames(project: target.resolution.project.name).network(service)
        let output = MaskedOutput(secrets: target.secretValues(environment: environment), sink: onOutput)
        let found = try await driver.serviceLogs(name: name, follow: follow, tail: tail) { output.write($0) }
        output.finish()
        return found
    }

    /// Each service of the config as the swarm runs it (nil: not created), and the nodes.
    public func status(_ config: ResolvedConfig) async throws(SutaError) -> SwarmStatusReport {
        let nodes = try await driver.nodes()
        let states = SwarmServiceState.byService(try await driver.serviceStates(project: config.project.name), nodes: nodes)
        return SwarmStatusReport(project: config.project.name, services: config.services.map { ($0.name, states[$0.name]) }, nodes: nodes)
    }

    private func execute(_ plan: Plan, project: String, audit: AuditLog, cause: String, deadline: ContinuousClock.Instant,
                         report: @escaping @Sendable (String) -> Void) async -> ExecutionResult {
        await SwarmPlanExecutor(driver: driver, project: project, audit: audit, cause: cause, deadline: deadline, report: report).execute(plan)
    }

    /// Waits until each service's tasks all run its current spec and its settings are the
    /// manifests' (a rolled back update puts the old ones back), or the timeout passes.
    /// `sent`: the settings label each created or updated service was given.
    private func waitUntilConverged(_ services: [ServiceSpec], project: String, sent: [String: String], deadline: ContinuousClock.Instant) async -> [String: String] {
        var problems: [String: String] = [:]
        // What will not converge without a change (rolled back, paused): said once, kept.
        var ended: [String: String] = [:]
        var pending = services
        while !pending.isEmpty {
            problems = [:]
            var settled: Set<String> = []
            let states = (try? await driver.serviceStates(project: project)).map { SwarmServiceState.byService($0, nodes: []) } ?? [:]
            for service in pending {
                guard let state = states[service.name] else {
                    problems[service.name] = "the swarm service is missing"
                    continue
                }
                switch state.condition(.healthy, sentLabel: sent[service.name]) {
                case .met: settled.insert(service.name)
                case .notYet(let why): problems[service.name] = why
                case .never(let why): ended[service.name] = why; settled.insert(service.name)
                }
            }
            pending.removeAll { settled.contains($0.name) }
            if pending.isEmpty || ContinuousClock.now >= deadline { break }
            try? await Task.sleep(for: .milliseconds(250))
        }
        return problems.merging(ended) { _, ended in ended }
    }
}
