import SutaErrors
import Foundation
import SutaModel
import SutaPlan

/// Carries out a plan: walks its DAG with bounded parallelism, starts a container only once
/// its dependencies meet their condition, skips what depends on a failure, and carries on
/// elsewhere. It makes no decisions of its own: those are the planner's.
public struct PlanExecutor: Sendable {
    public var engine: any EngineDriver
    /// Carries out the gateway, discovery and model steps; a plan with such steps needs it.
    public var integrations: (any IntegrationDriver)?
    public var config: ResolvedConfig
    public var parallelism: Int
    /// How long to wait for one dependency condition.
    public var timeout: Duration
    public var pollInterval: Duration
    /// True once the user interrupted (Ctrl-C): no further step starts, waits end, and the
    /// steps in flight finish so nothing is left half-created.
    public var interrupted: @Sendable () -> Bool

    public init(engine: any EngineDriver, integrations: (any IntegrationDriver)? = nil, config: ResolvedConfig, parallelism: Int = 8,
                timeout: Duration = .seconds(300), pollInterval: Duration = .milliseconds(200),
                interrupted: @escaping @Sendable () -> Bool = { false }) {
        self.engine = engine
        self.integrations = integrations
        self.config = config
        self.parallelism = max(1, parallelism)
        self.timeout = timeout
        self.pollInterval = pollInterval
        self.interrupted = interrupted
    }

    /// The outcome of a step that was never started because of an interruption.
    public static let notStarted = StepOutcome.skipped("not started: interrupted")
    /// The outcome of a step that was never started because the engine went away.
    public static let engineGone = StepOutcome.skipped("not started: the engine cannot be reached")

    /// Runs every step; returns each step's outcome and the containers of each service afterwards.
    public func execute(_ plan: Plan, observed: ObservedState,
                        report: @escaping @Sendable (ProgressEvent) -> Void) async -> ExecutionResult {
        let ledger = ExecutionLedger(observed: observed, project: config.project.name)
        let steps = Dictionary(uniqueKeysWithValues: plan.steps.map { ($0.id, $0) })
        var pending = plan.steps.map(\.id)
        var running = 0
        await withTaskGroup(of: Void.self) { group in
            while !pending.isEmpty || running > 0 {
                var launched = false
                for id in pending {
                    let step = steps[id]!
                    if interrupted() {
                        await ledger.finish(step.id, PlanExecutor.notStarted)
                        pending.removeAll { $0 == id }
                        launched = true
                        continue
                    }
                    // Once the engine is gone every further step would fail the same way.
                    if await ledger.engineLost != nil {
                        await ledger.finish(step.id, PlanExecutor.engineGone)
                        report(.finished(step, PlanExecutor.engineGone, .zero))
                        pending.removeAll { $0 == id }
                        launched = true
                        continue
                    }
                    let outcomes = await ledger.outcomes(of: step.after)
                    guard outcomes.count == step.after.count else { continue }
                    if let blocked = zip(step.after, outcomes).first(where: { $0.1 != .succeeded }) {
                        let reason = "skipped: \(steps[blocked.0]!.action.subject) did not succeed"
                        await ledger.finish(step.id, .skipped(reason))
                        report(.finished(step, .skipped(reason), .zero))
                        pending.removeAll { $0 == id }
                        launched = true
                        continue
                    }
                    guard running < parallelism else { break }
                    pending.removeAll { $0 == id }
                    running += 1
                    launched = true
                    group.addTask {
                        let start = ContinuousClock.now
                        report(.started(step))
                        var outcome = await run(step, ledger: ledger, report: report)
                        if case .failed(PlanExecutor.interruptedWait) = outcome { outcome = PlanExecutor.notStarted }
                        await ledger.finish(step.id, outcome)
                        report(.finished(step, outcome, ContinuousClock.now - start))
                    }
                }
                if launched { continue }
                guard running > 0 else { break }
                await group.next()
                running -= 1
            }
        }
        return await ledger.result
    }

    /// Waits until every container of every active service runs and, where it has a
    /// healthcheck, is healthy (`apply --wait`). Returns the services that did not get there.
    public func waitUntilReady(containers: [String: [String]]) async -> [String: String] {
        var failures: [String: String] = [:]
        await withTaskGroup(of: (String, String?).self) { group in
            for service in config.services where service.replicas > 0 {
                let condition: Dependency.Condition = service.healthcheck.map { $0.probe == .disabled ? .started : .healthy } ?? .started
                let ids = containers[service.name] ?? []
                group.addTask {
                    if ids.isEmpty { return (service.name, "no container") }
                    do throws(SutaError) {
                        for id in ids {
                            if let problem = try await wait(for: id, service: service.name, condition) { return (service.name, problem) }
                        }
                    } catch {
                        return (service.name, error.message)
                    }
                    return (service.name, nil)
                }
            }
            for await (service, problem) in group {
                if let problem { failures[service] = problem }
            }
        }
        return failures
    }

    private func run(_ step: PlanStep, ledger: ExecutionLedger, report: @escaping @Sendable (ProgressEvent) -> Void) async -> StepOutcome {
        if let refusal = step.refusal { return .failed(refusal) }
        do {
            switch step.action {
            case .createNetwork(let spec, let name):
                try await engine.createNetwork(spec, name: name, labels: OwnershipLabels.forObject(project: config.project.name).merging(spec.labels) { ours, _ in ours })
            case .createVolume(let spec, let name):
                try await engine.createVolume(spec, name: name, labels: OwnershipLabels.forObject(project: config.project.name).merging(spec.labels) { ours, _ in ours })
            case .createContainer(let service, _, _):
                if let problem = try await waitForDependencies(step, ledger: ledger, report: report) { return .failed(problem) }
                try await create(step, service: service, ledger: ledger)
            case .recreateContainer(let service, _, let name, let oldID, _, let grace):
                if let problem = try await waitForDependencies(step, ledger: ledger, report: report) { return .failed(problem) }
                for port in step.freeHostPorts {
                    if let holder = await engine.holderOfHostPort(port, sparing: oldID) {
                        return .failed("host port \(port) is held by \(holder); \(name) was left running")
                    }
                }
                try await engine.removeContainer(id: oldID, grace: grace)
                await ledger.forget(oldID, service: service)
                try await create(step, service: service, ledger: ledger)
            case .startContainer(let service, _, _, let id):
                if let problem = try await waitForDependencies(step, ledger: ledger, report: report) { return .failed(problem) }
                try await engine.startContainer(id: id)
                await ledger.record(id, service: service)
            case .restartContainer(_, _, _, let id, let grace, _):
                try await engine.restartContainer(id: id, grace: grace)
            case .holdService:
                break
            case .updateContainer(_, _, let id, let resources):
                try await engine.updateContainer(id: id, resources: resources)
            case .removeContainer(let service, _, let id, let grace):
                try await engine.removeContainer(id: id, grace: grace)
                if let service { await ledger.forget(id, service: service) }
            case .removeNetwork(_, let id):
                do {
                    try await engine.removeNetwork(id: id)
                } catch let phantom as PhantomNetworkEndpoint {
                    await ledger.warn(phantom.description)
                }
            case .removeVolume(let name):
                try await engine.removeVolume(name: name)
            case .upsertGatewayService(let name, let url, let tags, _):
                try await integration().upsertGatewayService(name: name, url: url, tags: tags)
            case .upsertGatewayRoute(let route, let service, let tags, _):
                try await integration().upsertGatewayRoute(route, service: service, tags: tags)
            case .removeGatewayRoute(_, let id):
                try await integration().removeGatewayRoute(id: id)
            case .removeGatewayService(_, let id):
                try await integration().removeGatewayService(id: id)
            case .loadGatewayConfig(let text):
                try await integration().loadGatewayConfig(text: text)
            case .register(let registration, _):
                try await integration().register(registration)
            case .deregister(let id, _):
                try await integration().deregister(id: id)
            case .pullModel(let name):
                try await integration().pullModel(name) { progress in report(.output(step, progress)) }
            case .preloadModel(let name, let method, let keepAlive):
                try await integration().preloadModel(name, method: method, keepAlive: keepAlive)
            case .buildImage:
                guard let request = step.image else { throw SutaError(.usage, "step #\(step.id) carries no image build request") }
                try await engine.buildImage(request) { line in
                    report(.output(step, line))
                }
            case .swarm:
                // The swarm planner's steps go to SwarmExecutor.
                throw SutaError(.usage, "step #\(step.id) is a swarm action, not one for a container engine")
            }
            return .succeeded
        } catch let error as SutaError where error.code == .engineUnreachable {
            await ledger.loseEngine(error.message)
            return .failed(error.message)
        } catch {
            return .failed(String(describing: error))
        }
    }

    private func integration() throws -> any IntegrationDriver {
        guard let integrations else { throw SutaError(.usage, "the plan has integration steps but no integration driver") }
        return integrations
    }

    private func create(_ step: PlanStep, service: String, ledger: ExecutionLedger) async throws {
        guard let request = step.container else { throw SutaError(.usage, "step #\(step.id) carries no container request") }
        let id = try await engine.createContainer(request)
        await ledger.record(id, service: service)
        try await engine.startContainer(id: id)
    }

    private func waitForDependencies(_ step: PlanStep, ledger: ExecutionLedger,
                                     report: @Sendable (ProgressEvent) -> Void) async throws(SutaError) -> String? {
        for wait in step.waitFor {
            let ids = await ledger.containers(of: wait.service)
            guard !ids.isEmpty else { return "dependency \(wait.service) has no container" }
            let what = "\(wait.service) \(wait.condition.rawValue)"
            report(.waiting(step, for: what))
            for id in ids {
                if let problem = try await self.wait(for: id, service: wait.service, wait.condition, onWaiting: { elapsed, last in
                    report(.waiting(step, for: "\(what) (\(DurationText.format(elapsed)), now \(last))"))
                }) {
                    return problem
                }
            }
        }
        return nil
    }

    /// The failure text of a wait that ended because of an interruption.
    static let interruptedWait = "interrupted"

    /// nil once the container meets the condition; otherwise why it never will (or timed out).
    /// An unhealthy container fails a `healthy` wait at once, as Compose does: the engine says
    /// `unhealthy` only after the start period and the retries are spent. `onWaiting` hears the
    /// elapsed time and the last state every few seconds. Throws the engine-unreachable error
    /// at once when the engine goes away: polling a missing socket until the timeout helps no one.
    func wait(for id: String, service: String, _ condition: Dependency.Condition,
              onWaiting: @Sendable (Duration, String) -> Void = { _, _ in }) async throws(SutaError) -> String? {
        let start = ContinuousClock.now
        let deadline = start + timeout
        var last = "unknown"
        var lastReport = start
        while ContinuousClock.now < deadline {
            if interrupted() || Task.isCancelled { return PlanExecutor.interruptedWait }
            do {
                let status = try await engine.containerStatus(id: id)
                last = status.health == .none ? status.state.rawValue : "\(status.state.rawValue), \(status.health.rawValue)"
                switch (condition, status.state) {
                case (.started, .running), (.started, .restarting): return nil
                case (.healthy, .running) where status.health == .healthy: return nil
                case (.healthy, .running) where status.health == .unhealthy:
                    let output = status.lastHealthOutput.map { "; last health check: \(PlanExecutor.oneLine($0))" } ?? ""
                    return "dependency failed to start: container \(status.name ?? service) is unhealthy\(output)"
                case (.completed, .exited) where status.exitCode == 0: return nil
                case (.completed, .exited), (.completed, .dead):
                    return "\(service) exited with code \(status.exitCode)"
                case (_, .exited), (_, .dead), (_, .created):
                    return "\(service) is \(status.state.rawValue) (exit code \(status.exitCode))"
                default: break
                }
            } catch let error as SutaError where error.code == .engineUnreachable {
                throw error
            } catch {
                last = String(describing: error)
            }
            if ContinuousClock.now - lastReport >= .seconds(5) {
                lastReport = .now
                onWaiting(ContinuousClock.now - start, last)
            }
            try? await Task.sleep(for: pollInterval)
        }
        return "timed out after \(DurationText.format(timeout)) waiting for \(service) to be \(condition.rawValue) (last: \(last))"
    }

    /// A health check's output on one line, at most 200 characters.
    static func oneLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " | ")
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }
}
