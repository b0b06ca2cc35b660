#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaClients
import SutaPlan

/// Inspects containers, several at a time (``inFlight``), for their live limits and restart policy, their
/// health check's failing streak, and what `status` shows (start time, restarts, bound
/// ports). A container that cannot be inspected (removed meanwhile) is left out: the next
/// look sees it again.
enum ParallelInspection {
    /// Inspections in flight at once, as the executor's default parallelism.
    static let inFlight = 8

    typealias Inspection = (live: LiveResources, failingStreak: Int?, details: ContainerDetails)

    static func live(of ids: [String], client: DockerClient) async -> [String: Inspection] {
        await withTaskGroup(of: (String, Inspection?).self) { group in
            var result: [String: Inspection] = [:]
            var next = ids.makeIterator()
            func launch() {
                guard let id = next.next() else { return }
                group.addTask {
                    guard let inspect = try? await client.inspectContainer(id) else { return (id, nil) }
                    let host = inspect.hostConfig
                    let policy = host.restartPolicy
                    let restart = (policy?.name ?? "no") + ((policy?.maximumRetryCount ?? 0) > 0 ? ":\(policy!.maximumRetryCount!)" : "")
                    let live = LiveResources(memoryBytes: host.memory, nanoCpus: host.nanoCpus, pidsLimit: host.pidsLimit,
                                             memoryReservationBytes: host.memoryReservation, restart: restart)
                    return (id, (live, inspect.state.health?.failingStreak, details(of: inspect)))
                }
            }
            for _ in 0..<ParallelInspection.inFlight { launch() }
            while let (id, live) = await group.next() {
                result[id] = live
                launch()
            }
            return result
        }
    }

    private static func details(of inspect: ContainerInspect) -> ContainerDetails {
        let ports = inspect.ports.sorted { $0.key < $1.key }.flatMap { key, bindings in
            let parts = key.split(separator: "/")
            return bindings.compactMap { binding -> ContainerDetails.Binding? in
                guard let port = Int(parts[0]), let hostPort = Int(binding.hostPort) else { return nil }
                return ContainerDetails.Binding(hostIP: binding.hostIP ?? "0.0.0.0", hostPort: hostPort, containerPort: port,
                                                transport: parts.count > 1 ? String(parts[1]) : "tcp")
            }
        }
        return ContainerDetails(startedAt: try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(inspect.state.startedAt), restartCount: inspect.restartCount, ports: ports)
    }
}
