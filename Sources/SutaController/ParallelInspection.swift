import SutaClients
import SutaPlan

/// Inspects containers eight at a time for their live limits and restart policy, and their
/// health check's failing streak. A container
/// that cannot be inspected (removed meanwhile) is left out: the next look sees it again.
enum ParallelInspection {
    static func live(of ids: [String], client: DockerClient) async -> [String: (live: LiveResources, failingStreak: Int?)] {
        await withTaskGroup(of: (String, (live: LiveResources, failingStreak: Int?)?).self) { group in
            var result: [String: (live: LiveResources, failingStreak: Int?)] = [:]
            var next = ids.makeIterator()
            func launch() {
                guard let id = next.next() else { return }
                group.addTask {
                    guard let inspect = try? await client.inspectContainer(id) else { return (id, nil) }
                    let host = inspect.hostConfig
                    let policy = host.restartPolicy
                    let restart = (policy?.name ?? "no") + ((policy?.maximumRetryCount ?? 0) > 0 ? ":\(policy!.maximumRetryCount!)" : "")
                    return (id, (LiveResources(memoryBytes: host.memory, nanoCpus: host.nanoCpus, pidsLimit: host.pidsLimit, restart: restart),
                                 inspect.state.health?.failingStreak))
                }
            }
            for _ in 0..<8 { launch() }
            while let (id, live) = await group.next() {
                result[id] = live
                launch()
            }
            return result
        }
    }
}
