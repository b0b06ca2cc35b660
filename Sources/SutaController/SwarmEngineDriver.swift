import SutaClients
import SutaErrors
import SutaModel
import SutaPlan

/// Carries out swarm plan steps through a manager's Engine API and reads the swarm back:
/// services, tasks, nodes, secrets, configs and overlay networks. Decides nothing: retries only what
/// the engine asks to be retried (a stale service version, an object still in use).
public struct SwarmEngineDriver: Sendable {
    public let client: DockerClient

    public init(client: DockerClient) {
        self.client = client
    }

    /// A driver for the manager named by `DOCKER_HOST` (else the Project's host, else the default socket).
    public static func fromEnvironment(_ environment: [String: String]) throws(SutaError) -> SwarmEngineDriver {
        do {
            return SwarmEngineDriver(client: try DockerClient.fromEnvironment(environment))
        } catch {
            throw SutaError(.usage, error.description)
        }
    }

    /// sutactl's services, secrets and swarm-scoped networks, and every other one whose name
    /// could be in the way.
    public func observe() async throws(SutaError) -> ObservedSwarm {
        try await call {
            async let services = client.listServices()
            async let secrets = client.listSecrets()
            async let networks = client.listNetworks()
            async let configs = client.listConfigs()
            return ObservedSwarm(
                services: try await services.map { .init(id: $0.id, name: $0.spec.name, labels: $0.spec.labels ?? [:], updateState: $0.updateState,
                                                         replicas: $0.spec.mode?.replicated?.replicas, image: $0.spec.taskTemplate.containerSpec.image,
                                                         stopGrace: $0.spec.taskTemplate.containerSpec.stopGracePeriod.map { .nanoseconds($0) }) },
                secrets: try await secrets.map { ObservedObject(id: $0.id, name: $0.name, labels: $0.labels) },
                networks: try await networks.filter { $0.scope == "swarm" }.map { ObservedObject(id: $0.id, name: $0.name, labels: $0.labels) },
                configs: try await configs.map { ObservedObject(id: $0.id, name: $0.name, labels: $0.labels) })
        }
    }

    /// Carries out one step's action.
    func execute(_ action: PlanAction, labels: [String: String]) async throws(SutaError) {
        switch action {
        case .createNetwork(let spec, let name):
            let ipam = spec.ipam.map { IPAM(driver: "default", config: [IPAMPool(subnet: $0.subnet.description, gateway: $0.gateway,
                                                                                 ipRange: $0.ipRange?.description)]) }
            let body = NetworkCreateBody(name: name, driver: "overlay", internal: spec.isInternal, attachable: true, enableIPv6: spec.enableIPv6,
                                         options: spec.options, labels: labels, ipam: ipam)
            try await call { _ = try await client.createNetwork(body) }
        case .removeNetwork(_, let id):
            // Tasks leave a network on each node a little after their service is gone.
            try await whileInUse { try await client.removeNetwork(id) }
        case .swarm(.createSecret(let request)):
            try await call { _ = try await client.createSecret(SwarmDataSpec(name: request.name, labels: request.labels, value: request.value)) }
        case .swarm(.removeSecret(_, let id)):
            try await whileInUse { try await client.removeSecret(id) }
        case .swarm(.createConfig(let request)):
            try await call { _ = try await client.createConfig(SwarmDataSpec(name: request.name, labels: request.labels, bytes: request.data)) }
        case .swarm(.removeConfig(_, let id)):
            try await whileInUse { try await client.removeConfig(id) }
        case .swarm(.createService(let request)):
            let spec = try await spec(for: request)
            try await call { _ = try await client.createService(spec) }
        case .swarm(.updateService(let request, let id)):
            let spec = try await spec(for: request)
            for attempt in 1...5 {
                do {
                    let current = try await client.inspectService(id)
                    try await client.updateService(id, version: current.version, spec: spec)
                    return
                } catch .outOfSequence(let message) {
                    if attempt == 5 { throw DockerError.outOfSequence(message).sutaError }
                } catch {
                    throw error.sutaError
                }
            }
        case .swarm(.removeService(_, _, let id, _)):
            // Its tasks stop on their nodes a little later: the executor waits for that.
            do {
                try await client.removeService(id)
            } catch .notFound {
            } catch {
                throw error.sutaError
            }
        default:
            throw SutaError(.engine, "\(action.verb) \(action.subject) is not an action for a swarm")
        }
    }

    /// The project's swarm services, by name, each with its tasks that should run (or, not
    /// `desiredRunning`, every task, ended ones too: a task that exited is shut down): two
    /// requests for the whole project (a task carries its service's labels).
    public func serviceStates(project: String, desiredRunning: Bool = true) async throws(SutaError) -> [String: (service: SwarmService, tasks: [SwarmTask])] {
        let owned = ["\(OwnershipLabels.project)=\(project)"]
        return try await call {
            async let services = client.listServices(labelFilters: owned)
            async let tasks = client.listTasks(labelFilters: owned, desiredRunning: desiredRunning)
            let byService = Dictionary(grouping: try await tasks, by: \.serviceID)
            return Dictionary(try await services.map { ($0.spec.name, ($0, byService[$0.id] ?? [])) }) { first, _ in first }
        }
    }

    /// Every task of the project (any desired state; by label: the manager forgets a removed
    /// service's name, not its tasks' labels) and the nodes that are up.
    public func projectTasks(project: String) async throws(SutaError) -> (tasks: [SwarmTask], readyNodes: Set<String>) {
        try await call {
            async let tasks = client.listTasks(labelFilters: ["\(OwnershipLabels.project)=\(project)"], desiredRunning: false)
            async let nodes = client.listNodes()
            return (try await tasks, Set(try await nodes.filter { $0.state == "ready" }.map(\.id)))
        }
    }

    /// The manager's events that can make the swarm differ from the manifests: one of the
    /// project's services created, updated or removed, any node's change (a node going down),
    /// and a task container of the project dying on the manager. `service` is the manifest's
    /// service name (nil for a node).
    public func events(project: String) -> AsyncCompactMapSequence<AsyncThrowingStream<DockerEvent, any Error>, EngineEvent> {
        let prefix = "\(project)_"
        return client.events(filters: ["type": ["service", "node", "container"]]).compactMap { event in
            let received = ContinuousClock.now
            switch event.type {
            case "service":
                guard let name = event.actor.attributes["name"], name.hasPrefix(prefix) else { return nil }
                return EngineEvent(action: "service \(event.action)", containerID: event.actor.id, service: String(name.dropFirst(prefix.count)),
                                   received: received)
            case "node":
                return EngineEvent(action: "node \(event.action)", containerID: event.actor.id, service: nil, received: received)
            default:
                guard let name = event.actor.attributes["com.docker.swarm.service.name"], name.hasPrefix(prefix) else { return nil }
                let died = EngineEvent(action: event.action, containerID: event.actor.id, service: String(name.dropFirst(prefix.count)),
                                       received: received)
                return died.needsReconcile ? died : nil
            }
        }
    }

    /// Streams the output of every task of the swarm service `name` until it ends (or, with
    /// `follow`, until cancelled); false when there is no such service.
    public func serviceLogs(name: String, follow: Bool, tail: Int?, onOutput: @escaping @Sendable ([UInt8]) -> Void) async throws(SutaError) -> Bool {
        try await call {
            guard let service = try await client.listServices().first(where: { $0.spec.name == name }) else { return false }
            try await client.serviceLogs(service.id, follow: follow, tail: tail) { _, bytes in onOutput(bytes) }
            return true
        }
    }

    /// Every node of the swarm.
    public func nodes() async throws(SutaError) -> [SwarmNode] {
        try await call { try await client.listNodes() }
    }

    /// The Docker spec of a request, with the IDs of the secret and config versions it names.
    private func spec(for request: SwarmServiceRequest) async throws(SutaError) -> SwarmServiceSpec {
        var ids: [String: String] = [:]
        if !request.secrets.isEmpty {
            let secrets = try await call { try await client.listSecrets() }
            for secret in secrets { ids[secret.name] = secret.id }
        }
        if !request.configs.isEmpty {
            let configs = try await call { try await client.listConfigs() }
            for config in configs { ids[config.name] = config.id }
        }
        // A node refuses a CPU limit above its CPU count: the limit is lowered to the smallest
        // node's, as container mode lowers it to the host's (the manifests' warning says so).
        let cpus = request.service.resources.cpus == nil ? [] : try await nodes().map(\.cpus).filter { $0 > 0 }
        return SwarmServiceBodyBuilder.spec(for: request, objectIDs: ids, nodeCPUs: cpus.min())
    }

    /// Runs `body` again while the engine says the object is in use, for up to 30 s; gone is done.
    private func whileInUse(_ body: () async throws -> Void) async throws(SutaError) {
        let deadline = ContinuousClock.now + .seconds(30)
        while true {
            do {
                try await body()
                return
            } catch DockerError.notFound {
                return
            } catch {
                let text = "\(error)"
                guard text.contains("in use") || text.contains("active endpoints"), ContinuousClock.now < deadline else {
                    throw SwarmEngineDriver.sutaError(error)
                }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    private func call<T>(_ body: () async throws -> T) async throws(SutaError) -> T {
        do {
            return try await body()
        } catch {
            throw SwarmEngineDriver.sutaError(error)
        }
    }

    private static func sutaError(_ error: any Error) -> SutaError {
        (error as? DockerError)?.sutaError ?? (error as? SutaError) ?? SutaError(.engine, "\(error)")
    }
}
