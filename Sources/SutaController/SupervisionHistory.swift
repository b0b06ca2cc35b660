#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaPlan

/// The supervision records of a project's services, kept in `supervision.json` in its state
/// directory: the restart limit counts across runs, and `status` shows crash loops.
public struct SupervisionHistory: Codable, Sendable, Equatable {
    public var services: [String: SupervisionRecord] = [:]

    public init() {}

    public static func load(from directory: URL) -> SupervisionHistory {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("supervision.json").path),
              let history = try? JSONDecoder().decode(SupervisionHistory.self, from: data) else { return SupervisionHistory() }
        return history
    }

    public func save(to directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: directory.appendingPathComponent("supervision.json"), options: .atomic)
    }

    /// The record after a plan's supervision steps ran at `now`: a restart is counted, a hold
    /// marks the crash loop.
    mutating func record(_ plan: Plan, result: ExecutionResult, now: Double) {
        for step in plan.steps where result.outcomes[step.id] == .succeeded {
            switch step.action {
            case .restartContainer(let service, _, _, _, _, _): services[service, default: .init()].restarts.append(now)
            case .holdService(let service, let reason):
                services[service, default: .init()].crashLooping = true
                services[service, default: .init()].lastReason = reason
            default: break
            }
        }
    }
}
