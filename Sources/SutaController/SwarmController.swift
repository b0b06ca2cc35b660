#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaErrors
import SutaModel
import SutaPlan

/// `apply`, `diff`, `status` and `down` in engine mode swarm: observe the swarm through its
/// manager, plan with ``SwarmPlanner``, carry the steps out in order, then wait until every
/// service's tasks run its current spec (healthy where it has a check) or its update is
/// rolled back.
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
        let plan = SwarmPlanner(config: config, options: PlanOptions(prune: options.prune, fingerprintKey: key)).plan(observed)
        if !plan.conflicts.isEmpty { throw SutaError(.conflict, plan.conflicts.map(\.description).joined(separator: "\n")) }
        if options.dryRun { return ApplyOutcome(plan: plan, execution: nil, notReady: [:], duration: ContinuousClock.now - start) }
        let audit = AuditLog(directory: directory, environment: environment)
        let execution = await execute(plan, project: config.project.name, audit: audit, cause: "apply", report: report)
        var notReady: [String: String] = [:]
        if execution.succeeded && (options.awaitChanged || options.wait) {
            let touched = Set(plan.steps.compactMap(\.action.service))
            let awaited = config.services.filter { options.wait || (options.awaitChanged && touched.contains($0.name)) }
            var sent: [String: String] = [:]
            for step in plan.steps {
                if case .swarm(.createService(let request)) = step.action { sent[request.service.name] = request.labels[SwarmSettingsLabel.key] }
                if case .swarm(.updateService(let request, _)) = step.action { sent[request.service.name] = request.labels[SwarmSettingsLabel.key] }
            }
            notReady = await waitUntilConverged(awaited, project: config.project.name, sent: sent, timeout: options.timeout)
        }
        return ApplyOutcome(plan: plan, execution: execution, notReady: notReady, duration: ContinuousClock.now - start)
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
                                      cause: "down", report: report)
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
        let names = ResourceNames(project: config.project.name)
        let nodes = try await driver.nodes()
        var services: [(String, SwarmServiceState?)] = []
        for service in config.services {
            let (found, tasks) = try await driver.serviceState(name: names.network(service.name))
            services.append((service.name, found.map { SwarmServiceState(service: service.name, found: $0, tasks: tasks, nodes: nodes) }))
        }
        return SwarmStatusReport(project: config.project.name, services: services, nodes: nodes)
    }

    /// Steps in order; a step whose prerequisite failed is skipped.
    private func execute(_ plan: Plan, project: String, audit: AuditLog, cause: String, report: @escaping @Sendable (String) -> Void) async -> ExecutionResult {
        var outcomes: [Int: StepOutcome] = [:]
        let labels = [OwnershipLabels.project: project, OwnershipLabels.managedBy: OwnershipLabels.managedByValue]
        for step in plan.steps {
            if let failed = step.after.first(where: { outcomes[$0] != .succeeded }) {
                outcomes[step.id] = .skipped("step #\(failed) did not succeed")
                continue
            }
            let line = "\(step.action.verb) \(step.action.subject)"
            do {
                try await driver.execute(step.action, labels: labels)
                outcomes[step.id] = .succeeded
                report("\(line): done")
            } catch {
                outcomes[step.id] = .failed(error.description)
                report("\(line): failed: \(error.description)")
            }
            audit.record(action: step.action.verb, object: step.action.subject, cause: cause, result: outcomes[step.id] == .succeeded ? "ok" : "failed")
        }
        return ExecutionResult(outcomes: outcomes, containers: [:])
    }

    /// Waits until each service's tasks all run its current spec and its settings are the
    /// manifests' (a rolled back update puts the old ones back), or the timeout passes.
    /// `sent`: the settings label each created or updated service was given.
    private func waitUntilConverged(_ services: [ServiceSpec], project: String, sent: [String: String], timeout: Duration) async -> [String: String] {
        let names = ResourceNames(project: project)
        let deadline = ContinuousClock.now + timeout
        var problems: [String: String] = [:]
        var pending = services
        while !pending.isEmpty {
            problems = [:]
            for service in pending {
                guard let (found, tasks) = try? await driver.serviceState(name: names.network(service.name)), let found else {
                    problems[service.name] = "the swarm service is missing"
                    continue
                }
                let nodes = (try? await driver.nodes()) ?? []
                let state = SwarmServiceState(service: service.name, found: found, tasks: tasks, nodes: nodes)
                let desiredLabel = sent[service.name].map { $0 == state.settingsLabel } ?? true
                if !desiredLabel && state.updateState == "rollback_completed" {
                    problems[service.name] = "rolled back: \(state.updateMessage ?? "the update failed")"
                } else if ["paused", "rollback_paused"].contains(state.updateState ?? "") {
                    problems[service.name] = "update \(state.updateState!): \(state.updateMessage ?? "")"
                } else if !desiredLabel || state.running < service.replicas {
                    problems[service.name] = "\(state.running)/\(service.replicas) tasks run the current spec"
                        + (state.tasks.last.map { $0.message.isEmpty ? "" : " (last: \($0.state), \($0.message))" } ?? "")
                }
            }
            pending.removeAll { problems[$0.name] == nil || problems[$0.name]!.hasPrefix("rolled back") || problems[$0.name]!.hasPrefix("update ") }
            if pending.isEmpty || ContinuousClock.now >= deadline { break }
            try? await Task.sleep(for: .milliseconds(500))
        }
        return problems
    }
}
