import SutaClients

/// Watches one project's containers (by label) until `count` of them report healthy, asking
/// the engine for one container list every 100 ms (one cheap request: the list carries each
/// container's health in its status text).
struct AllHealthyTimer {
    let client: DockerClient
    let label: String
    let count: Int

    /// Seconds from `start` until all `count` containers were healthy; nil when `limit` passed
    /// first or `givingUp` said to stop (the tool under test failed).
    func untilHealthy(from start: ContinuousClock.Instant, limit: Duration, givingUp: () -> Bool = { false }) async -> Double? {
        await PollUntil.seconds(from: start, limit: limit, every: .milliseconds(100), givingUp: givingUp) {
            let containers = (try? await client.listContainers(all: true, labelFilters: [label])) ?? []
            return containers.filter { $0.status.contains("(healthy)") }.count >= count
        }
    }
}
