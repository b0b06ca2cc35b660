import SutaClients
import SutaController
import SutaModel
import SutaPlan

/// What apply does with the gateway, discovery agent and model server, without containers:
/// read them, plan (only the integration steps are kept: no engine here), carry the plan out,
/// and look again while parts are pending (a model's load after its pull).
struct IntegrationRound: Equatable {
    /// `create gateway route shop-api-v2`: the integration steps, every look of the round.
    var changes: [String] = []
    /// The plan's problems and the steps that failed (`pull model tinyllama: ...`).
    var failures: [String] = []
    /// The plans, one per look.
    var plans: [Plan] = []

    static func == (lhs: IntegrationRound, rhs: IntegrationRound) -> Bool { lhs.changes == rhs.changes && lhs.failures == rhs.failures }

    /// No changes and no failures.
    static let none = IntegrationRound()

    static func run(_ config: ResolvedConfig, dryRun: Bool = false, breakers: CircuitBreakerRegistry = CircuitBreakerRegistry()) async -> IntegrationRound {
        let clients = IntegrationClients(config: config, breakers: breakers, environment: [:])
        var round = IntegrationRound()
        for _ in 0..<3 {
            var observed = ObservedState()
            observed.integrations = await clients.observe()
            var plan = Planner(config: config).plan(observed)
            let kept = plan.steps.filter { $0.action.dependency != nil }
            let keptIDs = Set(kept.map(\.id))
            plan.steps = kept.map { step in
                var step = step
                step.after = step.after.filter(keptIDs.contains)
                return step
            }
            round.plans.append(plan)
            round.changes += plan.steps.map { "\($0.action.verb) \($0.action.subject)" }
            round.failures += plan.problems
            if dryRun { break }
            let result = await PlanExecutor(engine: ScriptedEngine(), integrations: clients, config: config)
                .execute(plan, observed: observed) { _ in }
            for step in plan.steps {
                if case .failed(let why)? = result.outcomes[step.id] { round.failures.append("\(step.action.verb) \(step.action.subject): \(why)") }
            }
            if plan.pending.isEmpty || !result.succeeded { break }
        }
        return round
    }
}
