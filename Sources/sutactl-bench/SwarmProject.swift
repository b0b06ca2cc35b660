import SutaClients

/// One benchmark project on the swarm lab, seen through the nodes' Engine APIs: the tools'
/// services carry `label` (their tasks and network too) and are named `prefix` + service, as
/// are their containers on the nodes (the swarm's `com.docker.swarm.service.name`) and the
/// volumes the nodes create for them. Waits on the manager's task list, polled every 200 ms.
struct SwarmProject {
    /// The manager first, then the other nodes.
    let nodes: [DockerClient]
    let label: String
    /// `PROJECT_`.
    let prefix: String
    /// The topology's services, one replica each.
    let count: Int

    private static let interval = Duration.milliseconds(200)
    private static let serviceNameLabel = "com.docker.swarm.service.name"

    private var manager: DockerClient { nodes[0] }

    /// Seconds from `start` until each of the `count` services has a task and every task meant
    /// to run is `running` (the swarm marks a task with a health check running only once its
    /// container is healthy, and stops it when unhealthy); nil after `limit` or on `givingUp`.
    func untilRunning(from start: ContinuousClock.Instant, limit: Duration, givingUp: () -> Bool) async -> Double? {
        await PollUntil.seconds(from: start, limit: limit, every: Self.interval, givingUp: givingUp) {
            guard let tasks = try? await manager.listTasks(labelFilters: [label]) else { return false }
            return tasks.allSatisfy { $0.state == "running" } && Set(tasks.map(\.serviceID)).count >= count
        }
    }

    /// Seconds from `start` until a task whose environment holds `entry` (`BENCH_CHANGE=2`) runs.
    func untilRunning(withEnvironment entry: String, from start: ContinuousClock.Instant, limit: Duration,
                      givingUp: () -> Bool) async -> Double? {
        await PollUntil.seconds(from: start, limit: limit, every: Self.interval, givingUp: givingUp) {
            let tasks = (try? await manager.listTasks(labelFilters: [label])) ?? []
            return tasks.contains { $0.state == "running" && $0.spec?.containerSpec.env?.contains(entry) == true }
        }
    }

    /// The IDs of the tasks meant to run now.
    func taskIDs() async throws -> Set<String> {
        Set(try await manager.listTasks(labelFilters: [label]).map(\.id))
    }

    /// Seconds from `start` until nothing of the project is left: no service, task or network
    /// on the manager and no container on any node.
    func untilGone(from start: ContinuousClock.Instant, limit: Duration, givingUp: () -> Bool = { false }) async -> Double? {
        await PollUntil.seconds(from: start, limit: limit, every: Self.interval, givingUp: givingUp) {
            (try? await leftovers()) == 0
        }
    }

    /// Removes what the project left (untimed, between rounds): its services, then, once their
    /// tasks are gone, any container still on a node, its network, and the volumes the nodes
    /// created for it (on a swarm neither tool removes those: they are local to each node).
    func removeLeftovers(limit: Duration) async throws {
        for service in try await manager.listServices(labelFilters: [label]) { try? await manager.removeService(service.id) }
        _ = await untilGone(from: .now, limit: limit)
        for node in nodes {
            for container in try await containers(on: node) { try? await node.removeContainer(container.id, force: true, volumes: true) }
        }
        for network in try await manager.listNetworks(labelFilters: [label]) { try? await manager.removeNetwork(network.id) }
        for node in nodes {
            for volume in try await node.listVolumes() where volume.name.hasPrefix(prefix) { try? await node.removeVolume(volume.name, force: true) }
        }
    }

    /// How many services, tasks, networks and containers of the project are left.
    private func leftovers() async throws -> Int {
        var left = try await manager.listServices(labelFilters: [label]).count
        left += try await manager.listTasks(labelFilters: [label], desiredRunning: false).count
        left += try await manager.listNetworks(labelFilters: [label]).count
        for node in nodes { left += try await containers(on: node).count }
        return left
    }

    /// The project's containers on one node, running or not.
    private func containers(on node: DockerClient) async throws -> [ContainerSummary] {
        try await node.listContainers(all: true, labelFilters: [Self.serviceNameLabel]).filter {
            $0.labels[Self.serviceNameLabel]?.hasPrefix(prefix) == true
        }
    }
}
