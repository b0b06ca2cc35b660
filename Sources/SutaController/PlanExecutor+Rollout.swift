import SutaErrors
import SutaModel
import SutaPlan

extension PlanExecutor {
    /// Replaces a running container as the step's rollout says: the old one is set aside
    /// (stopped first or not, renamed to the previous generation), the new one created and
    /// started, then watched until it is healthy (or running) and has stayed so for `monitor`.
    /// Then the old one goes. If the new one fails (cannot start, exits, becomes unhealthy, times
    /// out), the failure action is carried out: rollback removes it and starts the old one
    /// again under its name (the same container, with its volumes). Waiting holds no slot; once
    /// the old one is set aside the step finishes what it began, even when interrupted.
    func rollOut(_ step: PlanStep, _ rollout: RolloutPlan, service: String, oldID: String, grace: Duration?,
                 _ context: StepContext) async throws -> StepOutcome {
        guard let request = step.container else { throw SutaError(.usage, "step #\(step.id) carries no container request") }
        let ledger = context.ledger
        if rollout.delay > .zero { try? await Task.sleep(for: rollout.delay) }
        try await acting(context) {
            if rollout.order == .stopFirst { try await engine.stopContainer(id: oldID, grace: grace) }
            try await engine.renameContainer(id: oldID, to: rollout.previousName)
        }
        await ledger.forget(oldID, service: service)
        var newID: String?
        var failure: String?
        do {
            try await acting(context, startsStep: false) {
                let id = try await engine.createContainer(request)
                newID = id
                await ledger.record(id, service: service)
                try await engine.startContainer(id: id)
            }
        } catch {
            failure = "the new container could not start: \(SutaError.from(error).message)"
        }
        if failure == nil, let newID {
            context.report(.waiting(step, for: "\(request.name) \(rollout.healthGated ? "healthy" : "running")"
                + (rollout.monitor > .zero ? " for \(DurationText.format(rollout.monitor))" : "")))
            failure = try await problem(with: newID, service: service, rollout, context)
        }
        guard let failure else {
            try await acting(context, startsStep: false) { try await engine.removeContainer(id: oldID, grace: grace) }
            return .succeeded
        }
        switch rollout.failureAction {
        case .rollback:
            try await acting(context, startsStep: false) {
                try await restore(oldID, as: request.name, replacing: newID, service: service, grace: grace, ledger: ledger)
            }
            let back = try await wait(for: oldID, service: service, rollout.healthGated ? .healthy : .started, watch: context.watch)
            return .failed("rolled back service \(service): \(failure)"
                + (back.map { "; the previous container did not come back: \(PlanExecutor.reason($0, service: service))" } ?? ""))
        case .pause:
            return .failed("rollout of service \(service) paused: \(failure); the previous container is kept as \(rollout.previousName)")
        case .continue:
            try await acting(context, startsStep: false) { try await engine.removeContainer(id: oldID, grace: grace) }
            await ledger.warn("service \(service): \(failure); kept, as update_config.failure_action is continue")
            return .succeeded
        }
    }

    /// Why the new container does not pass: nil once it is healthy (or running) and stayed so
    /// for the monitor period.
    private func problem(with id: String, service: String, _ rollout: RolloutPlan, _ context: StepContext) async throws -> String? {
        if let problem = try await wait(for: id, service: service, rollout.healthGated ? .healthy : .started, watch: context.watch) {
            return "the new container \(PlanExecutor.reason(problem, service: service))"
        }
        let until = ContinuousClock.now + rollout.monitor
        while ContinuousClock.now < until {
            await pause(for: id, watch: context.watch)
            let status = try await engine.containerStatus(id: id)
            if status.state != .running {
                return "the new container exited with code \(status.exitCode) within the monitor period (\(DurationText.format(rollout.monitor)))"
            }
            if rollout.healthGated && status.health == .unhealthy {
                let output = status.lastHealthOutput.map { "; last health check: \(PlanExecutor.oneLine($0))" } ?? ""
                return "the new container became unhealthy within the monitor period\(output)"
            }
        }
        return nil
    }

    /// A wait's failure as the rest of a sentence about a container: `is unhealthy; last
    /// health check: ...`, `is exited (exit code 1)`.
    static func reason(_ problem: String, service: String) -> String {
        var text = Substring(problem)
        if text.hasPrefix("dependency failed to start: ") { text = text.dropFirst("dependency failed to start: ".count) }
        if text.hasPrefix("container ") { text = text.dropFirst("container ".count).drop { $0 != " " }.dropFirst() }
        else if text.hasPrefix(service + " ") { text = text.dropFirst(service.count + 1) }
        return String(text)
    }

    /// The previous generation back under its name and started, the failed container (if any) gone.
    func restore(_ id: String, as name: String, replacing failedID: String?, service: String, grace: Duration?,
                 ledger: ExecutionLedger) async throws {
        if let failedID {
            try await engine.removeContainer(id: failedID, grace: grace)
            await ledger.forget(failedID, service: service)
        }
        try await engine.renameContainer(id: id, to: name)
        try await engine.startContainer(id: id)
        await ledger.record(id, service: service)
    }
}
