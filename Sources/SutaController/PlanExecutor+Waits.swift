import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel
import SutaPlan

extension PlanExecutor {
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

    func waitForDependencies(_ step: PlanStep, _ context: StepContext) async throws(SutaError) -> String? {
        let report = context.report
        for wait in step.waitFor {
            let ids = await context.ledger.containers(of: wait.service)
            guard !ids.isEmpty else { return "dependency \(wait.service) has no container" }
            let what = "\(wait.service) \(wait.condition.rawValue)"
            report(.waiting(step, for: what))
            for id in ids {
                if let problem = try await self.wait(for: id, service: wait.service, wait.condition, watch: context.watch, onWaiting: { elapsed, last in
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
    func wait(for id: String, service: String, _ condition: Dependency.Condition, watch: HealthWatch? = nil,
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
            await pause(for: id, watch: watch)
        }
        return "timed out after \(DurationText.format(timeout)) waiting for \(service) to be \(condition.rawValue) (last: \(last))"
    }

    /// A health check's output on one line, at most 200 characters.
    static func oneLine(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace(includingNewlines: false) }.filter { !$0.isEmpty }
            .joined(separator: " | ")
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    /// Until an event about the container arrives (at most 2 s, in case one is missed), or,
    /// without an event stream, one poll interval.
    func pause(for id: String, watch: HealthWatch?) async {
        guard let watch, await watch.streaming else {
            try? await Task.sleep(for: pollInterval)
            return
        }
        let seen = await watch.generation(of: id)
        let deadline = ContinuousClock.now + .seconds(2)
        while ContinuousClock.now < deadline, !interrupted(), await watch.streaming, await watch.generation(of: id) == seen {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
