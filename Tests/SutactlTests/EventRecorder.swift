import Foundation
import SutaClients

/// Records the engine's events for a project's objects while a test runs: subscribed from
/// the start (a replay afterwards would miss what the engine's short event buffer dropped),
/// bounded by `until` on the engine's side and by `stop()` on ours.
final class EventRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    private var task: Task<Void, Never>?

    /// Starts recording the events of objects labelled with `project`, for at most `limit`.
    init(project: String, limit: TimeInterval = 300) {
        let since = Date().addingTimeInterval(-1)
        let stream = EngineHarness.client.events(filters: ["label": ["sutactl.project=\(project)"]], since: since,
                                                 until: since.addingTimeInterval(limit))
        task = Task { [weak self] in
            do {
                for try await event in stream { self?.append(String(describing: event)) }
            } catch {
                self?.append("error: \(error)")
            }
        }
    }

    private func append(_ line: String) { lock.withLock { lines.append(line) } }

    /// Waits `settle` for the last events to arrive, stops, and returns every event seen, one per line.
    func stop(settle: Duration = .seconds(1)) async -> [String] {
        try? await Task.sleep(for: settle)
        task?.cancel()
        await task?.value
        return lock.withLock { lines }
    }
}
