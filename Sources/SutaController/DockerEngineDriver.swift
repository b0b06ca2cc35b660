import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaClients
import SutaModel
import SutaPlan

/// The engine driver for a real Docker Engine: turns the executor's requests into Docker
/// API calls and Docker's answers into observed state and controller errors.
public struct DockerEngineDriver: EngineDriver {
    public let client: DockerClient

    public init(client: DockerClient) {
        self.client = client
    }

    /// A driver for the engine `DOCKER_HOST` names (default unix:///var/run/docker.sock).
    public static func fromEnvironment(_ environment: [String: String]) throws(SutaError) -> DockerEngineDriver {
        do {
            return DockerEngineDriver(client: try DockerClient.fromEnvironment(environment))
        } catch {
            throw SutaError(.usage, error.description)
        }
    }

    public var requestCount: Int { client.apiCallCount }

    public func observe() async throws -> ObservedState {
        // Three listings make the whole snapshot; every container is listed so name clashes
        // with foreign ones are seen.
        async let containers = client.listContainers(all: true)
        async let networks = client.listNetworks()
        async let volumes = client.listVolumes()
        do {
            var observed = try await containers.map(DockerEngineDriver.observed)
            // What `docker update` changes is not in the listing: inspect the running ones sutactl
            // owns (status reads its start times and ports from the same inspections).
            let owned = observed.indices.filter { observed[$0].project != nil && observed[$0].state == .running }
            let inspected = await ParallelInspection.live(of: owned.map { observed[$0].id }, client: client)
            for index in owned {
                observed[index].live = inspected[observed[index].id]?.live
                observed[index].failingStreak = inspected[observed[index].id]?.failingStreak
                observed[index].details = inspected[observed[index].id]?.details
            }
            return ObservedState(
                containers: observed,
                networks: try await networks.map { ObservedObject(id: $0.id, name: $0.name, labels: $0.labels) },
                volumes: try await volumes.map { ObservedObject(id: $0.name, name: $0.name, labels: $0.labels) })
        } catch let error as DockerError {
            throw DockerEngineDriver.controllerError(error)
        }
    }

    public func updateContainer(id: String, resources: LiveResources) async throws {
        // Zero leaves a limit as it is (the planner recreates a container whose limit must go).
        let body = ContainerUpdateBody(memory: resources.memoryBytes ?? 0, memorySwap: resources.memoryBytes.map { $0 * 2 } ?? 0,
                                       nanoCpus: resources.nanoCpus ?? 0, pidsLimit: resources.pidsLimit ?? 0,
                                       memoryReservation: resources.memoryReservationBytes ?? 0,
                                       restartPolicy: SutaClients.RestartPolicy(restart: resources.restart))
        try await call { try await client.updateContainer(id, body: body) }
    }

    public func createNetwork(_ spec: NetworkSpec, name: String, labels: [String: String]) async throws {
        let ipam = spec.ipam.map { IPAM(driver: "default", config: [IPAMPool(subnet: $0.subnet.description, gateway: $0.gateway,
                                                                             ipRange: $0.ipRange?.description)]) }
        let body = NetworkCreateBody(name: name, driver: spec.driver, internal: spec.isInternal, attachable: spec.attachable,
                                     enableIPv6: spec.enableIPv6, options: spec.options, labels: labels, ipam: ipam)
        do {
            _ = try await client.createNetwork(body)
        } catch .conflict(let message) {
            // The snapshot did not list it: a create still in flight when an earlier sutactl was
            // killed. A network of this name and project is the one asked for.
            let project = labels[OwnershipLabels.project] ?? ""
            let owned = try await call { try await client.listNetworks(labelFilters: ["\(OwnershipLabels.project)=\(project)"]) }
            guard owned.contains(where: { $0.name == name }) else { throw SutaError(.conflict, message) }
        } catch {
            throw DockerEngineDriver.controllerError(error)
        }
    }

    public func createVolume(_ spec: VolumeSpec, name: String, labels: [String: String]) async throws {
        try await call {
            _ = try await client.createVolume(VolumeCreateBody(name: name, driver: spec.driver, driverOpts: spec.driverOptions, labels: labels))
        }
    }

    public func createContainer(_ request: ContainerRequest) async throws -> String {
        let body = ContainerBodyBuilder.body(for: request)
        for _ in 0..<DockerEngineDriver.leftoverLooks {
            do {
                return try await client.createContainer(name: request.name, body: body).id
            } catch .notFound(let message) where message.lowercased().contains("image") {
                // Like `docker compose up`: pull a missing image, then create.
                try await call { try await client.pullImage(request.service.image) { _ in } }
                return try await call { try await client.createContainer(name: request.name, body: body).id }
            } catch .conflict(let message) {
                try await clearLeftover(named: request.name, labels: body.labels ?? [:], conflict: message)
            } catch {
                throw DockerEngineDriver.controllerError(error)
            }
        }
        throw SutaError(.engine, "container \(request.name) could not be created: its name stayed taken by a container being created")
    }

    /// How often a create whose name is taken looks for the container holding it.
    static let leftoverLooks = 25

    /// The name is taken by a container the snapshot did not list. Under the project lock
    /// that is a create still in flight in the engine when an earlier sutactl was killed: a
    /// container of this project, service and replica, never started. It is removed, so that
    /// the create that follows makes it whole (on engines before API 1.44 the killed sutactl
    /// may not have connected its other networks). The engine reserves the name before the
    /// container can be inspected, so one not found yet is waited for. Anything else holding
    /// the name is a conflict, and left alone.
    private func clearLeftover(named name: String, labels: [String: String], conflict: String) async throws {
        let holder: ContainerInspect
        do {
            holder = try await client.inspectContainer(name)
        } catch .notFound {
            try? await Task.sleep(for: .milliseconds(200))
            return
        } catch {
            throw DockerEngineDriver.controllerError(error)
        }
        let ours = [OwnershipLabels.project, OwnershipLabels.service, OwnershipLabels.replica]
            .allSatisfy { labels[$0] != nil && holder.config.labels[$0] == labels[$0] }
        guard ours, holder.state.status == "created" else { throw SutaError(.conflict, conflict) }
        try await call { try await client.removeContainer(holder.id, force: true, volumes: true) }
    }

    public func startContainer(id: String) async throws {
        try await call { try await client.startContainer(id) }
    }

    public func restartContainer(id: String, grace: Duration?) async throws {
        try await call {
            try await client.stopContainer(id, timeout: grace.map { Int($0.components.seconds) })
            try await client.startContainer(id)
        }
    }

    public func stopContainer(id: String, grace: Duration?) async throws {
        try await call {
            do {
                try await client.stopContainer(id, timeout: grace.map { Int($0.components.seconds) })
            } catch DockerError.notModified {
                // Already stopped.
            }
        }
    }

    public func renameContainer(id: String, to name: String) async throws {
        try await call { try await client.renameContainer(id, to: name) }
    }

    public func removeContainer(id: String, grace: Duration?) async throws {
        try await call {
            do {
                // No `t` when nil: the engine waits the StopTimeout the container was created with.
                try await client.stopContainer(id, timeout: grace.map { Int($0.components.seconds) })
            } catch DockerError.notFound, DockerError.notModified {
                // Already stopped or gone: removal below decides.
            }
            do {
                try await client.removeContainer(id, force: true, volumes: true)
            } catch DockerError.notFound {
                // Removed meanwhile: the goal is reached.
            }
        }
    }

    public func removeNetwork(id: String) async throws {
        do {
            try await client.removeNetwork(id)
        } catch DockerError.notFound {
        } catch DockerError.networkInUse(let message) {
            // In use by no container at all: the engine's phantom endpoint, not ours to mend.
            if let network = try? await client.inspectNetwork(id), network.containers.isEmpty {
                throw PhantomNetworkEndpoint(network: network.name)
            }
            throw DockerEngineDriver.controllerError(.networkInUse(message))
        } catch {
            throw DockerEngineDriver.controllerError(error)
        }
    }

    public func removeVolume(name: String) async throws {
        try await call {
            do {
                try await client.removeVolume(name)
            } catch DockerError.notFound {
            }
        }
    }

    public func containerStatus(id: String) async throws -> ContainerStatus {
        let inspect = try await call { try await client.inspectContainer(id) }
        return ContainerStatus(state: ObservedContainer.State(rawValue: inspect.state.status) ?? .dead,
                               health: inspect.state.health.flatMap { ObservedContainer.Health(rawValue: $0.status) } ?? .none,
                               exitCode: inspect.state.exitCode, name: inspect.name.hasPrefix("/") ? String(inspect.name.dropFirst()) : inspect.name,
                               lastHealthOutput: inspect.state.health?.log.last?.output)
    }

    public func holderOfHostPort(_ port: HostPort, sparing containerID: String) async -> String? {
        let containers = (try? await client.listContainers(all: false)) ?? []
        let publishes = { (container: ContainerSummary) in
            container.ports.contains { published in
                published.publicPort == port.port && published.type == port.transport
                    && (published.ip == port.hostIP || published.ip == "0.0.0.0" || port.hostIP == "0.0.0.0")
            }
        }
        if let holder = containers.first(where: { publishes($0) }) {
            return holder.id == containerID ? nil : "container \(holder.name) (\(holder.id.prefix(12)))"
        }
        guard let problem = HostPortBind.problem(hostIP: port.hostIP, port: port.port, udp: port.transport == "udp") else { return nil }
        return "another process on this host (\(problem))"
    }

    public func containerEnvironment(id: String) async throws -> [String] {
        try await call { try await client.inspectContainer(id) }.config.env
    }

    public func logs(id: String, follow: Bool, tail: Int?, onOutput: @escaping @Sendable ([UInt8]) -> Void) async throws {
        try await call { try await client.logs(id, follow: follow, tail: tail) { _, bytes in onOutput(bytes) } }
    }

    public func events(project: String) -> AsyncThrowingStream<EngineEvent, any Error> {
        // Only the actions that can make reality differ: without an event filter every health
        // check's exec_create/exec_start/exec_die (dozens a second) would be streamed too.
        let actions = ["die", "destroy", "stop", "kill", "oom", "pause", "rename", "health_status", "start"]
        let source = client.events(filters: ["type": ["container"], "event": actions,
                                             "label": ["\(OwnershipLabels.project)=\(project)"]])
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in source {
                        continuation.yield(EngineEvent(action: event.action, containerID: event.actor.id,
                                                       service: event.actor.attributes[OwnershipLabels.service], received: .now))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: DockerEngineDriver.controllerError(error as? DockerError ?? .decoding("\(error)")))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    public func engineVersion() async throws -> String {
        let version = try await call { try await client.version() }
        return "\(version.version) (API \(version.apiVersion))"
    }

    public func connectionProblem() async -> String? {
        // A client of its own has no pooled connection to reuse; its first request pings.
        do {
            _ = try await DockerClient(endpoint: client.endpoint).apiVersion()
            return nil
        } catch .engineUnreachable(_, let message) {
            return message
        } catch {
            return nil
        }
    }

    /// Runs a client call, turning its error into a controller error.
    private func call<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DockerError {
            throw DockerEngineDriver.controllerError(error)
        }
    }

    /// The engine's error as the product's (its code, cause and disposition kept).
    static func controllerError(_ error: DockerError) -> SutaError { error.sutaError }

    static func observed(_ summary: ContainerSummary) -> ObservedContainer {
        // Before API 1.52 the listing has no Health field: it is in the status text.
        let health: ObservedContainer.Health =
            if summary.status.contains("(healthy)") { .healthy }
            else if summary.status.contains("(unhealthy)") { .unhealthy }
            else if summary.status.contains("(health: starting)") { .starting }
            else { .none }
        var container = ObservedContainer(id: summary.id, name: summary.name, image: summary.image, labels: summary.labels,
                                          state: ObservedContainer.State(rawValue: summary.state) ?? .dead, health: health,
                                          created: summary.created, status: summary.status)
        container.networks = Set(summary.networks.keys)
        return container
    }
}
