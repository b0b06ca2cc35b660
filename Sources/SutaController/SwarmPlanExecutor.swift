import SutaModel
import SutaPlan

/// Carries out a swarm plan: each step once the steps before it (`after`) succeeded and the
/// services it waits for (`waitFor`, from depends_on) have tasks that meet the condition;
/// independent steps run at the same time. A step whose prerequisite failed is skipped; a
/// dependency that cannot meet its condition (rolled back, failed, or not by the deadline)
/// fails the waiting step, which is then not sent. Decides nothing: the plan says what waits.
struct SwarmPlanExecutor: Sendable {
    let driver: SwarmEngineDriver
    let project: String
    let audit: AuditLog
    let cause: String
    /// When a dependency wait gives up.
    let deadline: ContinuousClock.Instant
    let report: @Sendable (String) -> Void

    func execute(_ plan: Plan) async -> ExecutionResult {
        let labels = [OwnershipLabels.project: project, OwnershipLabels.managedBy: OwnershipLabels.managedByValue]
        let reader = SwarmServiceReader(driver: driver, project: project)
        let sent = SwarmPlanExecutor.sentLabels(plan)
        var outcomes: [Int: StepOutcome] = [:]
        await withTaskGroup(of: (Int, StepOutcome).self) { group in
            var started: Set<Int> = []
            while outcomes.count < plan.steps.count {
                for step in plan.steps where !started.contains(step.id) && step.after.allSatisfy({ outcomes[$0] != nil }) {
                    started.insert(step.id)
                    if let failed = step.after.first(where: { outcomes[$0] != .succeeded }) {
                        outcomes[step.id] = .skipped("step #\(failed) did not succeed")
                        continue
                    }
                    group.addTask { (step.id, await run(step, labels: labels, reader: reader, sent: sent)) }
                }
                guard outcomes.count < plan.steps.count, let (id, outcome) = await group.next() else { continue }
                outcomes[id] = outcome
            }
        }
        return ExecutionResult(outcomes: outcomes, containers: [:])
    }

    /// The settings label each created or updated service is given, by service.
    static func sentLabels(_ plan: Plan) -> [String: String] {
        var sent: [String: String] = [:]
        for step in plan.steps {
            if case .swarm(.createService(let request)) = step.action { sent[request.service.name] = request.labels[SwarmSettingsLabel.key] }
            if case .swarm(.updateService(let request, _)) = step.action { sent[request.service.name] = request.labels[SwarmSettingsLabel.key] }
        }
        return sent
    }

    private func run(_ step: PlanStep, labels: [String: String], reader: SwarmServiceReader, sent: [String: String]) async -> StepOutcome {
        let line = "\(step.action.verb) \(step.action.subject)"
        for wait in step.waitFor {
            report("\(line): waiting for \(wait.service) to be \(wait.condition.rawValue)")
            if let problem = await waitFor(wait, reader: reader, sent: sent[wait.service]) {
                let why = "dependency \(wait.service) is not \(wait.condition.rawValue): \(problem)"
                report("\(line): failed: \(why)")
                audit.record(action: step.action.verb, object: step.action.subject, cause: cause, result: "failed")
                return .failed(why)
            }
        }
        let outcome: StepOutcome
        do {
            try await driver.execute(step.action, labels: labels)
            if case .swarm(.removeService(_, _, let id, let stopGrace)) = step.action {
                await waitUntilStopped(id, stopGrace: stopGrace, reader: reader)
            }
            outcome = .succeeded
            report("\(line): done")
        } catch {
            outcome = .failed(error.description)
            report("\(line): failed: \(error.description)")
        }
        audit.record(action: step.action.verb, object: step.action.subject, cause: cause, result: outcome == .succeeded ? "ok" : "failed")
        return outcome
    }

    /// A removed service's tasks stop on their nodes a little later, each after its grace
    /// period: what follows (its networks, secrets, configs) must find them stopped. Bounded by
    /// the grace period and a minute; a read error ends the wait (the removals after it retry).
    private func waitUntilStopped(_ id: String, stopGrace: Duration?, reader: SwarmServiceReader) async {
        let bound = ContinuousClock.now + (stopGrace ?? .seconds(10)) + .seconds(60)
        while ContinuousClock.now < bound, await reader.tasksStopped(ofService: id) == false {
            try? await Task.sleep(for: .milliseconds(300))
        }
    }

    /// nil once `wait.service`'s tasks meet the condition; else why they never will (or did
    /// not by the deadline). `sent`: the label the plan gave the dependency, if it changed it.
    private func waitFor(_ wait: PlanStep.Wait, reader: SwarmServiceReader, sent: String?) async -> String? {
        var last = "the swarm service is missing"
        while true {
            if let state = await reader.state(of: wait.service) {
                switch state.condition(wait.condition, sentLabel: sent) {
                case .met: return nil
                case .never(let why): return why
                case .notYet(let why): last = why
                }
            }
            if ContinuousClock.now >= deadline { return "not by the timeout (\(last))" }
            try? await Task.sleep(for: .milliseconds(200))
        }
    }
}
