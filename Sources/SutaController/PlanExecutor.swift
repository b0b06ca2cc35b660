import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel
import SutaPlan

/// Carries out a plan: walks its DAG, starts a container only once its dependencies meet their
/// condition, skips what depends on a failure, and carries on elsewhere. At most
/// `parallelism` steps act on the engine at once; waiting (for a dependency's health, for a
/// replacement to pass its monitor) holds no slot, and wakes on the engine's events. It makes
/// no decisions of its own: those are the planner's.
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
    static let notStartedWithoutEngine = "not started: the engine cannot be reached"

    /// Runs every step; returns each step's outcome and the containers of each service afterwards.
    public func execute(_ plan: Plan, observed: ObservedState,
                        report: @escaping @Sendable (ProgressEvent) -> Void) async -> ExecutionResult {
        let watch = HealthWatch()
        // Only a plan that waits needs the engine's events (a no-op costs no stream).
        if plan.steps.contains(where: { !$0.waitFor.isEmpty || $0.rollout != nil }) { await watch.start(engine.events(project: config.project.name)) }
        let context = StepContext(ledger: ExecutionLedger(observed: observed, project: config.project.name),
                                  slots: ExecutionSlots(parallelism), watch: watch, report: report)
        let ledger = context.ledger
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
                    // Every ready step starts; the slots bound how many act at once.
                    pending.removeAll { $0 == id }
                    running += 1
                    launched = true
                    group.addTask {
                        let start = ContinuousClock.now
                        report(.started(step))
                        var outcome = await run(step, context)
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
        await watch.stop()
        return await ledger.result
    }

    /// What the steps of one execution share.
    struct StepContext: Sendable {
        let ledger: ExecutionLedger
        let slots: ExecutionSlots
        let watch: HealthWatch?
        let report: @Sendable (ProgressEvent) -> Void
    }

    /// Runs `body` holding a slot. A step that gets its slot after an interruption does not
    /// start (`startsStep`); a step already under way finishes what it began.
    func acting<T>(_ context: StepContext, startsStep: Bool = true, _ body: () async throws -> T) async throws -> T {
        await context.slots.acquire()
        if startsStep && interrupted() {
            await context.slots.release()
            throw SutaError(.usage, PlanExecutor.interruptedWait)
        }
        // Once the engine is gone every further step would fail the same way: it does not start.
        if startsStep, await context.ledger.engineLost != nil {
            await context.slots.release()
            throw SutaError(.engineUnreachable, PlanExecutor.notStartedWithoutEngine)
        }
        do {
            let value = try await body()
            await context.slots.release()
            return value
        } catch {
            await context.slots.release()
            throw error
        }
    }

    private func run(_ step: PlanStep, _ context: StepContext) async -> StepOutcome {
        if let refusal = step.refusal { return .failed(refusal) }
        let ledger = context.ledger, report = context.report
        do {
            switch step.action {
            case .createNetwork(let spec, let name):
                try await acting(context) {
                    try await engine.createNetwork(spec, name: name, labels: OwnershipLabels.forObject(project: config.project.name)
                        .merging(spec.labels) { ours, _ in ours })
                }
            case .createVolume(let spec, let name):
                try await acting(context) {
                    try await engine.createVolume(spec, name: name, labels: OwnershipLabels.forObject(project: config.project.name)
                        .merging(spec.labels) { ours, _ in ours })
                }
            case .createContainer(let service, _, _):
                if let problem = try await waitForDependencies(step, context) { return .failed(problem) }
                try await acting(context) { try await create(step, service: service, ledger: ledger) }
            case .recreateContainer(let service, _, let name, let oldID, _, let grace):
                if let problem = try await waitForDependencies(step, context) { return .failed(problem) }
                for port in step.freeHostPorts {
                    if let holder = await engine.holderOfHostPort(port, sparing: oldID) {
                        return .failed((step.rollout == nil ? "" : "rolled back service \(service): ")
                                       + "host port \(port) is held by \(holder); \(name) was left running")
                    }
                }
                // A rollout keeps the old container until the new one passes (and restores it if not).
                if let rollout = step.rollout { return try await rollOut(step, rollout, service: service, oldID: oldID, grace: grace, context) }
                try await acting(context) {
                    try await engine.removeContainer(id: oldID, grace: grace)
                    await ledger.forget(oldID, service: service)
                    try await create(step, service: service, ledger: ledger)
                }
            case .restoreContainer(let service, _, let name, let id, let failedID, let grace):
                try await acting(context) { try await restore(id, as: name, replacing: failedID, service: service, grace: grace, ledger: ledger) }
            case .startContainer(let service, _, _, let id):
                if let problem = try await waitForDependencies(step, context) { return .failed(problem) }
                try await acting(context) {
                    try await engine.startContainer(id: id)
                    await ledger.record(id, service: service)
                }
            case .restartContainer(_, _, _, let id, let grace, _):
                try await acting(context) { try await engine.restartContainer(id: id, grace: grace) }
            case .holdService:
                break
            case .updateContainer(_, _, let id, let resources):
                try await acting(context) { try await engine.updateContainer(id: id, resources: resources) }
            case .removeContainer(let service, _, let id, let grace):
                try await acting(context) {
                    try await engine.removeContainer(id: id, grace: grace)
                    if let service { await ledger.forget(id, service: service) }
                }
            case .removeNetwork(_, let id):
                try await acting(context) {
                    do {
                        try await engine.removeNetwork(id: id)
                    } catch let phantom as PhantomNetworkEndpoint {
                        await ledger.warn(phantom.description)
                    }
                }
            case .removeVolume(let name):
                try await acting(context) { try await engine.removeVolume(name: name) }
            case .upsertGatewayService(let name, let url, let tags, _):
                try await acting(context) { try await integration().upsertGatewayService(name: name, url: url, tags: tags) }
            case .upsertGatewayRoute(let route, let service, let tags, _):
                try await acting(context) { try await integration().upsertGatewayRoute(route, service: service, tags: tags) }
            case .removeGatewayRoute(_, let id):
                try await acting(context) { try await integration().removeGatewayRoute(id: id) }
            case .removeGatewayService(_, let id):
                try await acting(context) { try await integration().removeGatewayService(id: id) }
            case .loadGatewayConfig(let text):
                try await acting(context) { try await integration().loadGatewayConfig(text: text) }
            case .register(let registration, _):
                try await acting(context) { try await integration().register(registration) }
            case .deregister(let id, _):
                try await acting(context) { try await integration().deregister(id: id) }
            case .pullModel(let name):
                try await acting(context) { try await integration().pullModel(name) { progress in report(.output(step, progress)) } }
            case .preloadModel(let name, let method, let keepAlive):
                try await acting(context) { try await integration().preloadModel(name, method: method, keepAlive: keepAlive) }
            case .buildImage:
                guard let request = step.image else { throw SutaError(.usage, "step #\(step.id) carries no image build request") }
                try await acting(context) { try await engine.buildImage(request) { line in report(.output(step, line)) } }
            case .swarm:
                // The swarm planner's steps go to SwarmExecutor.
                throw SutaError(.usage, "step #\(step.id) is a swarm action, not one for a container engine")
            }
            return .succeeded
        } catch let error as SutaError where error.message == PlanExecutor.notStartedWithoutEngine {
            return PlanExecutor.engineGone
        } catch let error as SutaError where error.code == .engineUnreachable {
            await ledger.loseEngine(error.message)
            return .failed(error.message)
        } catch let error as SutaError where error.message == PlanExecutor.interruptedWait {
            return PlanExecutor.notStarted
        } catch {
            return .failed(String(describing: error))
        }
    }

    private func integration() throws -> any IntegrationDriver {
        guard let integrations else { throw SutaError(.usage, "the plan has integration steps but no integration driver") }
        return integrations
    }

    func create(_ step: PlanStep, service: String, ledger: ExecutionLedger) async throws {
        guard let request = step.container else { throw SutaError(.usage, "step #\(step.id) carries no container request") }
        let id = try await engine.createContainer(request)
        await ledger.record(id, service: service)
        try await engine.startContainer(id: id)
    }

}
