import Foundation
import SutaModel

/// Health-driven supervision of one container: watches it, restarts it with exponential
/// backoff after `failureThreshold` consecutive failed checks, and gives up (crash loop)
/// when it needs more than `maxRestarts` restarts within `restartWindow`.
public struct Supervisor: Sendable {
    /// How supervising one container ended.
    public enum Outcome: Sendable, Equatable {
        case healthy(restarts: Int)
        case crashLooping(restarts: Int, reason: String)
        case timedOut(restarts: Int, last: String)
    }

    public var engine: any EngineDriver
    public var policy: SupervisionPolicy
    /// How often the container's health is checked.
    public var checkInterval: Duration

    public init(engine: any EngineDriver, policy: SupervisionPolicy, checkInterval: Duration = .milliseconds(500)) {
        self.engine = engine
        self.policy = policy
        self.checkInterval = checkInterval
    }

    /// Supervises until the container is healthy (running, and healthy when it has a
    /// healthcheck), crash-loops, or `timeout` passes. Restarts are recorded in `history`.
    public func supervise(service: ServiceSpec, containerID: String, history: inout SupervisionHistory,
                          timeout: Duration) async -> Outcome {
        let deadline = ContinuousClock.now + timeout
        let needsHealth = service.healthcheck.map { $0.probe != .disabled } ?? false
        var failures = 0
        var restarts = 0
        var last = "unknown"
        while ContinuousClock.now < deadline {
            let status = try? await engine.containerStatus(id: containerID)
            last = status.map { $0.health == .none ? $0.state.rawValue : "\($0.state.rawValue), \($0.health.rawValue)" } ?? "unreachable"
            let ok = status.map { $0.state == .running && (!needsHealth || $0.health == .healthy) } ?? false
            let failed = status.map { $0.state == .exited || $0.state == .dead || $0.health == .unhealthy } ?? true
            if ok {
                history.services[service.name, default: .init()].crashLooping = false
                return .healthy(restarts: restarts)
            }
            failures = failed ? failures + 1 : 0
            if failures >= policy.failureThreshold {
                let now = Date()
                let recent = history.restarts(of: service.name, within: policy.restartWindow, now: now)
                if recent >= policy.maxRestarts {
                    let reason = "\(recent) restarts within \(DurationText.format(policy.restartWindow)), last: \(last)"
                    history.services[service.name, default: .init()].crashLooping = true
                    history.services[service.name, default: .init()].lastReason = reason
                    return .crashLooping(restarts: restarts, reason: reason)
                }
                try? await Task.sleep(for: policy.backoff(attempt: recent + 1))
                try? await engine.restartContainer(id: containerID, grace: service.stopGracePeriod ?? .seconds(10))
                history.services[service.name, default: .init()].restarts.append(now)
                history.services[service.name, default: .init()].lastReason = last
                restarts += 1
                failures = 0
                continue
            }
            try? await Task.sleep(for: checkInterval)
        }
        return .timedOut(restarts: restarts, last: last)
    }
}
