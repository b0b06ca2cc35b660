import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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

    /// What each service now runs with: the desired settings of services whose steps all
    /// succeeded (or had none), the earlier record for the others.
    static func applied(_ config: ResolvedConfig, plan: Plan, result: ExecutionResult,
                        before: [String: ServiceSettings]) -> [String: ServiceSettings] {
        let names = ResourceNames(project: config.project.name)
        var record: [String: ServiceSettings] = [:]
        for service in config.services {
            let steps = plan.steps.filter { $0.action.service == service.name }
            record[service.name] = steps.allSatisfy({ result.outcomes[$0.id] == .succeeded })
                ? ServiceSettings(service: service, names: names) : before[service.name]
        }
        return record.compactMapValues { $0 }
    }

    /// Removes every object of the project (volumes only when asked), under the lock.
    public func down(project: String, volumes: Bool, waitForLock: Bool, parallelism: Int = 8,
                     report: @escaping @Sendable (ProgressEvent) -> Void) async throws(SutaError) -> ApplyOutcome {
        let empty = ResolvedConfig(project: ProjectSpec(name: project), profiles: [], services: [], networks: [], volumes: [])
        let directory = try state.writableProject(project)
        let lock = try ProjectLock(directory: directory, wait: waitForLock, onWait: { _ in })
        defer { withExtendedLifetime(lock) {} }
        let start = ContinuousClock.now
        let observed = try await observe()
        let plan = Planner(config: empty, options: PlanOptions(prune: true, pruneVolumes: volumes)).plan(observed)
        let audit = AuditLog(directory: directory, environment: environment)
        var result = await PlanExecutor(engine: engine, config: empty, parallelism: parallelism).execute(plan, observed: observed) { event in
            if case .finished(let step, let outcome, _) = event {
                audit.record(action: step.action.verb, object: step.action.subject, cause: "down", result: outcome == .succeeded ? "ok" : "failed")
            }
            report(event)
        }
        if result.engineLost == nil && !result.succeeded { result.engineLost = await engine.connectionProblem() }
        // Nothing runs any more: the next apply creates, so the record of what ran goes too.
        if result.succeeded { try? FileManager.default.removeItem(at: AppliedSettingsStore(directory: directory).file) }
        return ApplyOutcome(plan: plan, execution: result, notReady: [:], duration: ContinuousClock.now - start)
    }

    /// Replaces a listed container's state with a direct read (or drops it when it is gone).
    func refresh(_ id: String, in observed: inout ObservedState) async {
        guard let index = observed.containers.firstIndex(where: { $0.id == id }) else { return }
        do {
            let status = try await engine.containerStatus(id: id)
            observed.containers[index].state = status.state
            observed.containers[index].health = status.health
        } catch let error as SutaError where error.code == .notFound {
            observed.containers.remove(at: index)
        } catch {
            // Keep the listed state: the next event or resync looks again.
        }
    }

    public func observe() async throws(SutaError) -> ObservedState {
        do {
            return try await engine.observe()
        } catch let error as SutaError {
            throw error
        } catch {
            throw SutaError(.engine, "cannot read the engine's state: \(error)")
        }
    }

    /// The build hashes of the images the config builds, as the engine has them.
    func imageBuildHashes(_ tags: [String]) async throws(SutaError) -> [String: String] {
        guard !tags.isEmpty else { return [:] }
        do {
            return try await engine.imageBuildHashes(tags)
        } catch let error as SutaError {
            throw error
        } catch {
            throw SutaError(.engine, "cannot read the engine's images: \(error)")
        }
    }

    /// Resets one breaker (`sutactl breakers reset NAME`); false when there is none by that name.
    public func resetBreaker(_ name: String, project: ProjectSpec) throws(SutaError) -> Bool {
        let store = BreakerStore(directory: try projectDirectory(project.name), policy: project.breakers)
        let registry = store.load()
        defer { store.save(registry) }
        return registry.reset(name)
    }

    /// Every breaker of the project as last saved (reads only).
    public func breakers(project: ProjectSpec) -> [BreakerSnapshot] {
        BreakerStore(directory: state.project(project.name), policy: project.breakers).load().snapshots()
    }

    func projectDirectory(_ project: String) throws(SutaError) -> URL {
        do {
            return try state.ensure(project: project)
        } catch {
            throw SutaError(.io, "cannot create the state directory \(state.project(project).path): \(error)")
        }
    }
}
