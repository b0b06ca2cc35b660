import Foundation
import SutaClients
import SutaHTTP
import SutaTestSupport
import XCTest

/// The client against the real Docker Engine (`DOCKER_HOST`, or /var/run/docker.sock; start
/// one with `scripts/engine.sh start`) and the local image `sutactl-standin:1` (build it
/// with `scripts/standin-image.sh`). Nothing is pulled.
///
/// Without an engine or the image these tests are skipped, except with `CI=true`, where
/// they fail. Every object is named `sutactl-it-<run>-…` and labelled
/// `sutactl.test.run=<run>`; tearDown removes whatever carries the label, even after a
/// failure.
final class DockerEngineIntegrationTests: XCTestCase {
    private static let image = "sutactl-standin:1"
    private static let runLabel = "sutactl.test.run"

    private var docker: DockerClient!
    private var run = ""
    private var labels: [String: String] { [Self.runLabel: run] }
    private var runFilter: String { "\(Self.runLabel)=\(run)" }

    /// Why the tests cannot run; thrown under CI=true so that the test fails.
    private struct EngineUnavailable: Error, CustomStringConvertible {
        var description: String
    }

    override func setUp() async throws {
        run = UUID().uuidString.prefix(8).lowercased()
        docker = try DockerClient.fromEnvironment(ProcessInfo.processInfo.environment)
        let ci = ProcessInfo.processInfo.environment["CI"] == "true"
        func unavailable(_ message: String) -> any Error {
            ci ? EngineUnavailable(description: message + " (CI=true: failing instead of skipping)") : XCTSkip(message)
        }
        do {
            _ = try await docker.apiVersion()
        } catch {
            throw unavailable("no usable Docker Engine: \(error)")
        }
        guard try await docker.imageExists(Self.image) else {
            throw unavailable("the image \(Self.image) is missing. Build it with scripts/standin-image.sh")
        }
    }

    override func tearDown() async throws {
        guard let docker else { return }
        let filter = [runFilter]
        for container in (try? await docker.listContainers(all: true, labelFilters: filter)) ?? [] {
            try? await docker.removeContainer(container.id, force: true, volumes: true)
        }
        for network in (try? await docker.listNetworks(labelFilters: filter)) ?? [] {
            try? await removeNetwork(network.id)
        }
        for volume in (try? await docker.listVolumes(labelFilters: filter)) ?? [] {
            try? await docker.removeVolume(volume.name, force: true)
        }
    }

    private func failure<T>(_ operation: () async throws(DockerError) -> T) async -> DockerError? {
        do {
            _ = try await operation()
            return nil
        } catch {
            return error
        }
    }

    /// Creates a labelled network on a random 10.201.N.0/24, trying another N when the
    /// pool overlaps one in use.
    private func createNetwork(_ suffix: String) async throws -> (name: String, prefix: String) {
        let name = "sutactl-it-\(run)-\(suffix)"
        for _ in 0..<8 {
            let prefix = "10.201.\(Int.random(in: 0...255))"
            let body = NetworkCreateBody(name: name, labels: labels, ipam: IPAM(config: [IPAMPool(subnet: "\(prefix).0/24", gateway: "\(prefix).1")]))
            do {
                _ = try await docker.createNetwork(body)
                return (name, prefix)
            } catch {
                guard error.description.contains("overlap") else { throw error }
            }
        }
        throw EngineUnavailable(description: "no free /24 in 10.201.0.0/16 after 8 tries")
    }

    /// Removes a network, retrying briefly while the engine still reports active endpoints
    /// (dockerd 20.10 can lag behind a container's removal).
    private func removeNetwork(_ name: String) async throws {
        for attempt in 1...10 {
            do {
                return try await docker.removeNetwork(name)
            } catch {
                guard case .networkInUse = error, attempt < 10 else { throw error }
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// Polls `condition` every 200 ms until it holds; fails after `timeout`.
    private func waitUntil(_ what: String, timeout: Duration, _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw EngineUnavailable(description: "timed out after \(timeout) waiting for \(what)")
    }

    /// Events matching `filters` from `since` on, until one satisfies `last` (or `timeout`).
    private func events(
        filters: [String: [String]],
        since: Date,
        timeout: Duration,
        until last: @escaping @Sendable (DockerEvent) -> Bool
    ) async throws -> [DockerEvent] {
        let docker = self.docker!
        return try await withThrowingTaskGroup(of: [DockerEvent]?.self) { group in
            group.addTask {
                var received: [DockerEvent] = []
                for try await event in docker.events(filters: filters, since: since) {
                    received.append(event)
                    if last(event) { break }
                }
                return received
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let first else { throw EngineUnavailable(description: "no matching event within \(timeout)") }
            return first
        }
    }

    func testContainerLifecycleOnTheEngine() async throws {
        let docker = self.docker!
        let front = try await createNetwork("front")
        let back = try await createNetwork("back")
        let volumeName = "sutactl-it-\(run)-data"
        let volume = try await docker.createVolume(VolumeCreateBody(name: volumeName, labels: labels))
        XCTAssertEqual(volume.labels, labels)
        let again = try await docker.createVolume(VolumeCreateBody(name: volumeName, labels: ["other": "labels"]))
        XCTAssertEqual(again.labels, labels, "creating an existing volume returns it unchanged")

        let port = try StandInHTTPServer.freeLocalPort()
        let name = "sutactl-it-\(run)-web"
        var containerLabels = labels
        containerLabels["sutactl.test.role"] = "web"
        let body = ContainerCreateBody(
            image: Self.image, cmd: ["8080"], env: ["SUTACTL_TEST=1"], labels: containerLabels,
            exposedPorts: ["8080/tcp"], stopTimeout: 10,
            healthcheck: Healthcheck(
                test: ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:8080/health"],
                interval: .milliseconds(500), timeout: .seconds(2), retries: 3),
            hostConfig: HostConfig(
                portBindings: ["8080/tcp": [PortBinding(hostIP: "127.0.0.1", hostPort: port)]],
                mounts: [Mount(type: .volume, source: volumeName, target: "/data")],
                memory: 64 << 20, nanoCpus: 500_000_000, pidsLimit: 64, restartPolicy: RestartPolicy(name: "no")),
            networks: [
                front.name: EndpointSettings(aliases: ["web"], ipv4Address: "\(front.prefix).10"),
                back.name: EndpointSettings(aliases: ["web-back"]),
            ])
        let created = try await docker.createContainer(name: name, body: body)
        try await docker.startContainer(created.id)
        try await docker.startContainer(created.id)  // already started: 304, still a success

        try await waitUntil("a healthy container", timeout: .seconds(20)) {
            try await docker.inspectContainer(created.id).state.health?.status == "healthy"
        }
        let inspect = try await docker.inspectContainer(name)
        XCTAssertEqual(inspect.id, created.id)
        XCTAssertEqual(inspect.name, "/\(name)")
        XCTAssertEqual(inspect.state.status, "running")
        XCTAssertEqual(inspect.state.health?.failingStreak, 0)
        XCTAssertEqual(inspect.restartCount, 0)
        XCTAssertEqual(inspect.config.image, Self.image)
        XCTAssertEqual(inspect.config.labels["sutactl.test.role"], "web")
        XCTAssertTrue(inspect.config.env.contains("SUTACTL_TEST=1"))
        XCTAssertEqual(inspect.config.healthcheck?.interval, .milliseconds(500))
        XCTAssertEqual(inspect.hostConfig.memory, 64 << 20)
        XCTAssertEqual(inspect.hostConfig.nanoCpus, 500_000_000)
        XCTAssertEqual(inspect.hostConfig.portBindings?["8080/tcp"], [PortBinding(hostIP: "127.0.0.1", hostPort: port)])
        XCTAssertEqual(inspect.ports["8080/tcp"]?.first?.hostPort, String(port))
        XCTAssertEqual(Set(inspect.networks.keys), [front.name, back.name], "the second network is connected after create")
        XCTAssertEqual(inspect.networks[front.name]?.ipAddress, "\(front.prefix).10")
        XCTAssertTrue(inspect.networks[front.name]?.aliases?.contains("web") ?? false, "\(String(describing: inspect.networks[front.name]))")
        XCTAssertTrue(inspect.networks[back.name]?.aliases?.contains("web-back") ?? false)
        XCTAssertEqual(inspect.mounts.first { $0.destination == "/data" }?.name, volumeName)

        let health = try await HTTPClient(endpoint: .tcp(host: "127.0.0.1", port: port)).send(HTTPRequest(path: "/health", timeout: .seconds(5)))
        XCTAssertEqual(health.status, 200)
        XCTAssertEqual(String(decoding: health.body, as: UTF8.self), "ok\n")

        let listed = try await docker.listContainers(labelFilters: [runFilter, "sutactl.test.role=web"])
        XCTAssertEqual(listed.map(\.id), [created.id])
        XCTAssertEqual(listed.first?.name, name)
        XCTAssertEqual(listed.first?.state, "running")
        let unmatched = try await docker.listContainers(all: true, labelFilters: [runFilter, "sutactl.test.role=db"])
        XCTAssertEqual(unmatched, [])
        let networks = try await docker.listNetworks(labelFilters: [runFilter])
        XCTAssertEqual(Set(networks.map(\.name)), [front.name, back.name])
        let frontNetwork = try await docker.inspectNetwork(front.name)
        XCTAssertEqual(frontNetwork.containers[created.id]?.name, name)
        XCTAssertEqual(frontNetwork.ipam.config?.first?.subnet, "\(front.prefix).0/24")
        XCTAssertEqual(frontNetwork.labels, labels)
        let volumes = try await docker.listVolumes(labelFilters: [runFilter])
        XCTAssertEqual(volumes.map(\.name), [volumeName])

        let output = SharedValue<[LogStream: String]>([:])
        try await docker.logs(created.id) { stream, bytes in
            output.withLock { $0[stream, default: ""] += String(decoding: bytes, as: UTF8.self) }
        }
        XCTAssertEqual(output.value[.stdout], "standin: serving /www on ports: 8080\n")
        XCTAssertEqual(output.value[.stderr], "standin: stop with SIGTERM or SIGINT\n")

        let inUse = await failure { () async throws(DockerError) in try await docker.removeVolume(volumeName) }
        guard case .conflict = inUse else { return XCTFail("removing a volume in use: \(String(describing: inUse))") }

        let clock = ContinuousClock()
        let stopTime = try await clock.measure { try await docker.stopContainer(created.id) }
        XCTAssertLessThan(stopTime, .seconds(3))
        let stopped = try await docker.inspectContainer(created.id)
        XCTAssertEqual(stopped.state.status, "exited")
        XCTAssertEqual(stopped.state.exitCode, 0)
        try await docker.stopContainer(created.id)  // already stopped: 304, still a success
        let notRunning = await failure { () async throws(DockerError) in try await docker.killContainer(created.id) }
        guard case .conflict = notRunning else { return XCTFail("killing a stopped container: \(String(describing: notRunning))") }

        let since = Date()
        try await docker.startContainer(created.id)
        try await docker.killContainer(created.id)
        let seen = try await events(filters: ["type": ["container"], "label": [runFilter]], since: since, timeout: .seconds(10)) { $0.action == "die" }
        XCTAssertEqual(seen.map(\.action).filter { ["start", "kill", "die"].contains($0) }, ["start", "kill", "die"])
        XCTAssertTrue(seen.allSatisfy { $0.actor.id == created.id && $0.type == "container" })
        XCTAssertEqual(seen.last?.actor.attributes["exitCode"], "137")
        XCTAssertEqual(seen.last?.actor.attributes["name"], name)
        let exitCode = try await docker.waitContainer(created.id)
        XCTAssertEqual(exitCode, 137)

        try await docker.removeContainer(created.id, volumes: true)
        let removed = await failure { () async throws(DockerError) in try await docker.inspectContainer(created.id) }
        guard case .notFound = removed else { return XCTFail("inspect after remove: \(String(describing: removed))") }
        let removedAgain = await failure { () async throws(DockerError) in try await docker.removeContainer(created.id) }
        guard case .notFound = removedAgain else { return XCTFail("second remove: \(String(describing: removedAgain))") }

        for network in [front.name, back.name] {
            try await removeNetwork(network)
            let gone = await failure { () async throws(DockerError) in try await docker.inspectNetwork(network) }
            guard case .notFound = gone else { return XCTFail("inspect of removed network: \(String(describing: gone))") }
        }
        try await docker.removeVolume(volumeName)
        let goneVolume = await failure { () async throws(DockerError) in try await docker.inspectVolume(volumeName) }
        guard case .notFound = goneVolume else { return XCTFail("inspect of removed volume: \(String(describing: goneVolume))") }
    }

    func testConflictsAndMissingObjects() async throws {
        let docker = self.docker!
        let name = "sutactl-it-\(run)-dup"
        let body = ContainerCreateBody(image: Self.image, labels: labels)
        let first = try await docker.createContainer(name: name, body: body)
        let duplicate = await failure { () async throws(DockerError) in try await docker.createContainer(name: name, body: body) }
        guard case .conflict(let message) = duplicate else { return XCTFail("second create: \(String(describing: duplicate))") }
        XCTAssertTrue(message.contains("\"/\(name)\""), message)

        try await docker.renameContainer(first.id, to: name + "-renamed")
        let renamed = try await docker.inspectContainer(name + "-renamed")
        XCTAssertEqual(renamed.id, first.id)
        XCTAssertEqual(renamed.state.status, "created")

        let missing = "sutactl-it-\(run)-missing"
        let noContainer = await failure { () async throws(DockerError) in try await docker.inspectContainer(missing) }
        XCTAssertEqual(noContainer, .notFound("No such container: \(missing)"))
        let noNetwork = await failure { () async throws(DockerError) in try await docker.inspectNetwork(missing) }
        guard case .notFound = noNetwork else { return XCTFail("network: \(String(describing: noNetwork))") }
        let noVolume = await failure { () async throws(DockerError) in try await docker.removeVolume(missing) }
        guard case .notFound = noVolume else { return XCTFail("volume: \(String(describing: noVolume))") }
        let localOnly = "sutactl-it-missing-\(run):1"
        let imageExists = try await docker.imageExists(localOnly)
        XCTAssertFalse(imageExists)
        // Creating from an absent image is a 404: the engine API never pulls on create.
        let noImage = await failure { () async throws(DockerError) in
            try await docker.createContainer(name: missing, body: ContainerCreateBody(image: localOnly, labels: labels))
        }
        guard case .notFound(let imageMessage) = noImage else { return XCTFail("create from a missing image: \(String(describing: noImage))") }
        XCTAssertTrue(imageMessage.contains("No such image"), imageMessage)

        let networkName = "sutactl-it-\(run)-once"
        _ = try await docker.createNetwork(NetworkCreateBody(name: networkName, labels: labels))
        let twice = await failure { () async throws(DockerError) in try await docker.createNetwork(NetworkCreateBody(name: networkName, labels: labels)) }
        guard case .conflict = twice else { return XCTFail("second network of one name: \(String(describing: twice))") }
        let sameName = try await docker.listNetworks(labelFilters: [runFilter]).filter { $0.name == networkName }
        XCTAssertEqual(sameName.count, 1)
    }

    func testVersionAndCallCounting() async throws {
        let docker = self.docker!
        let before = docker.apiCallCount
        let version = try await docker.version()
        let negotiated = try await docker.apiVersion()
        XCTAssertFalse(version.version.isEmpty)
        XCTAssertEqual(negotiated, min(DockerClient.maximumAPIVersion, try XCTUnwrap(DockerAPIVersion(version.apiVersion))))
        XCTAssertGreaterThanOrEqual(negotiated, DockerClient.minimumAPIVersion)
        XCTAssertEqual(docker.apiCallCount, before + 1)
    }
}
