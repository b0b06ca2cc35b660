import SutaErrors
import Foundation
import SutaController
import SutaModel
import SutaPlan

/// An in-memory engine for executor tests: records calls in order, fails on demand, and
/// reports health after a configurable number of polls.
actor ScriptedEngine: EngineDriver {
    private(set) var calls: [String] = []
    private var statuses: [String: ContainerStatus] = [:]
    private var names: [String: String] = [:]
    private var pollsUntilHealthy: [String: Int] = [:]
    private var failing: Set<String> = []
    private var running = 0
    private(set) var maxConcurrentCreates = 0
    private var counter = 0

    /// Services whose container create (and image build) fails.
    func failCreate(of service: String) { failing.insert(service) }
    /// The service's container reports `healthy` only after this many status polls.
    func becomeHealthy(_ service: String, afterPolls polls: Int) { pollsUntilHealthy[service] = polls }
    /// The service's container exits at once with this code.
    func exit(_ service: String, code: Int) { pollsUntilHealthy[service] = -code - 1 }
    /// The service's container runs but reports `unhealthy`, its last check printing `output`.
    func becomeUnhealthy(_ service: String, output: String) { unhealthy[service] = output }
    /// A host port that something other than the container being replaced holds.
    func hold(_ port: Int, by holder: String) { heldPorts[port] = holder }

    /// What `observe` reports.
    func show(_ state: ObservedState) { observed = state }
    /// A container's environment, and the chunks its log stream delivers.
    func script(container id: String, environment: [String], logs: [String]) {
        environments[id] = environment
        logChunks[id] = logs.map { Array($0.utf8) }
    }

    /// The engine goes away once this many calls were made: every later call throws
    /// `message` as an engine-unreachable error, and a new connection fails with it.
    func goAway(afterCalls count: Int, message: String) { departure = (count, message) }

    private var departure: (calls: Int, message: String)?
    /// The engine-unreachable error, once the engine has gone away.
    private var gone: SutaError? {
        departure.flatMap { calls.count >= $0.calls ? SutaError(.engineUnreachable, $0.message) : nil }
    }

    private var unhealthy: [String: String] = [:]
    private var heldPorts: [Int: String] = [:]
    private var observed = ObservedState()
    private var environments: [String: [String]] = [:]
    private var logChunks: [String: [[UInt8]]] = [:]
    /// The labels of every container created, by name.
    private(set) var createdLabels: [String: [String: String]] = [:]

    func observe() async throws -> ObservedState { observed }
    func createNetwork(_ spec: NetworkSpec, name: String, labels: [String: String]) async throws { calls.append("network \(name)") }
    func createVolume(_ spec: VolumeSpec, name: String, labels: [String: String]) async throws { calls.append("volume \(name)") }

    func createContainer(_ request: ContainerRequest) async throws -> String {
        if let gone { throw gone }
        running += 1
        maxConcurrentCreates = max(maxConcurrentCreates, running)
        try await Task.sleep(for: .milliseconds(20))
        running -= 1
        calls.append("create \(request.service.name)")
        createdLabels[request.name] = request.labels
        if failing.contains(request.service.name) { throw SutaError(.engine, "create \(request.name) failed: boom") }
        counter += 1
        let id = "c\(counter)-\(request.service.name)"
        names[id] = request.service.name
        statuses[id] = ContainerStatus(state: .created, health: request.service.healthcheck == nil ? .none : .starting, exitCode: 0)
        return id
    }

    func updateContainer(id: String, resources: LiveResources) async throws { calls.append("update \(names[id] ?? id)") }

    func startContainer(id: String) async throws {
        if let gone { throw gone }
        calls.append("start \(names[id] ?? id)")
        statuses[id]?.state = .running
    }

    func removeContainer(id: String, grace: Duration?) async throws {
        calls.append("remove \(id)" + (grace.map { " grace \(DurationText.format($0))" } ?? ""))
    }
    func holderOfHostPort(_ port: HostPort, sparing containerID: String) async -> String? { heldPorts[port.port] }
    func restartContainer(id: String, grace: Duration?) async throws { calls.append("restart \(names[id] ?? id)") }
    func stopContainer(id: String, grace: Duration?) async throws {
        calls.append("stop \(names[id] ?? id)" + (grace.map { " grace \(DurationText.format($0))" } ?? ""))
    }
    func renameContainer(id: String, to name: String) async throws {
        calls.append("rename \(names[id] ?? id) \(name)")
        names[id] = name
    }
    func removeNetwork(id: String) async throws {
        calls.append("remove network \(id)")
        if phantomNetworks.contains(id) { throw PhantomNetworkEndpoint(network: id) }
    }
    /// Networks the engine will not remove although no container holds them.
    func keepPhantom(network id: String) { phantomNetworks.insert(id) }
    private var phantomNetworks: Set<String> = []
    func removeVolume(name: String) async throws { calls.append("remove volume \(name)") }
    func imageBuildHashes(_ tags: [String]) async throws -> [String: String] { [:] }
    func buildImage(_ request: ImageBuildRequest, onOutput: @escaping @Sendable (String) -> Void) async throws {
        calls.append("build \(request.tag)")
        builtLabels[request.tag] = request.labels
        onOutput("Step 1/1 : FROM img:1")
        if failing.contains(request.service) { throw SutaError(.engine, "build of service \(request.service) failed at step 1/1: boom") }
    }
    /// The labels of every image built, by tag.
    private(set) var builtLabels: [String: [String: String]] = [:]

    func containerEnvironment(id: String) async throws -> [String] { environments[id] ?? [] }
    func logs(id: String, follow: Bool, tail: Int?, onOutput: @escaping @Sendable ([UInt8]) -> Void) async throws {
        for chunk in logChunks[id] ?? [] { onOutput(chunk) }
    }
    func engineVersion() async throws -> String { "scripted" }
    nonisolated func events(project: String) -> AsyncThrowingStream<EngineEvent, any Error> { AsyncThrowingStream { $0.finish() } }
    var requestCount: Int { calls.count }

    func connectionProblem() async -> String? { gone?.message }

    func containerStatus(id: String) async throws -> ContainerStatus {
        if let gone { throw gone }
        guard var status = statuses[id], let service = names[id] else { throw SutaError(.engine, "no such container \(id)") }
        if let output = unhealthy[service], status.state == .running {
            status.health = .unhealthy
            status.name = "p-\(service)-1"
            status.lastHealthOutput = output
        } else if let polls = pollsUntilHealthy[service] {
            if polls < 0 {
                status = ContainerStatus(state: .exited, health: .unhealthy, exitCode: -polls - 1)
            } else if polls == 0 {
                status.health = .healthy
            } else {
                pollsUntilHealthy[service] = polls - 1
            }
        } else if status.state == .running, status.health == .starting {
            status.health = .healthy
        }
        statuses[id] = status
        return status
    }
}
