import SutaClients

/// Removes what one benchmark project left on the engine, found by a label (`sutactl.project=P`
/// or `com.docker.compose.project=P`): its containers (killed, 8 at a time), then its networks
/// and volumes; a network or volume the engine will not remove yet (a stale endpoint) is left
/// for the next run. Only the benchmark's own project names are ever passed.
enum ProjectCleanup {
    static func remove(label: String, on client: DockerClient) async throws {
        let containers = try await client.listContainers(all: true, labelFilters: [label])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, container) in containers.enumerated() {
                if index >= 8 { try await group.next() }
                group.addTask { try await client.removeContainer(container.id, force: true, volumes: true) }
            }
            try await group.waitForAll()
        }
        for network in try await client.listNetworks(labelFilters: [label]) { try? await client.removeNetwork(network.id) }
        for volume in try await client.listVolumes(labelFilters: [label]) { try? await client.removeVolume(volume.name, force: true) }
    }
}
