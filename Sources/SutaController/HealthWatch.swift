/// The engine's container events of one project while a plan runs. A wait for a container's
/// condition looks again when an event about it arrives (`health_status`, `die`, `start`, ...)
/// instead of polling; once the stream breaks (or the engine offers none), waits poll.
actor HealthWatch {
    private var generations: [String: Int] = [:]
    private(set) var streaming = false
    private var task: Task<Void, Never>?

    /// Follows `events` until it ends or ``stop()``.
    func start(_ events: AsyncThrowingStream<EngineEvent, any Error>) {
        streaming = true
        task = Task { [weak self] in
            do {
                for try await event in events { await self?.saw(event.containerID) }
            } catch {}
            await self?.lost()
        }
    }

    func stop() {
        task?.cancel()
        streaming = false
    }

    /// How many events about the container have arrived so far.
    func generation(of id: String) -> Int { generations[id, default: 0] }

    private func saw(_ id: String) { generations[id, default: 0] += 1 }
    private func lost() { streaming = false }
}
