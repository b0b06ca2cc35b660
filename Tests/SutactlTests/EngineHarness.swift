import Foundation
import SutaClients
import XCTest

/// Access to the real engine for integration tests: a client, a check that the engine
/// answers (failing under CI, skipping elsewhere), and the containers of a project.
enum EngineHarness {
    static let client = try! DockerClient.fromEnvironment(ProcessInfo.processInfo.environment)

    /// Throws XCTSkip when no engine answers outside CI; fails the test under CI=true.
    static func requireEngine() async throws {
        do {
            _ = try await client.version()
            _ = try await client.inspectImage("sutactl-standin:1")
        } catch {
            let message = "integration tests need a Docker Engine and the sutactl-standin:1 image (make engine): \(error)"
            if ProcessInfo.processInfo.environment["CI"] != nil { throw EngineUnavailable(message: message) }
            throw XCTSkip(message)
        }
    }

    /// The project's containers (all states), on the machine's engine unless told otherwise.
    static func containers(of project: String, on engine: DockerClient = client) async throws -> [ContainerSummary] {
        try await engine.listContainers(all: true, labelFilters: ["sutactl.project=\(project)"])
    }

    static func idsByService(_ project: String) async throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for container in try await containers(of: project) {
            result[container.labels["sutactl.service"] ?? "?", default: []].append(container.id)
        }
        return result
    }

    /// Removes everything labelled with the project, whatever happened in the test.
    static func cleanUp(_ project: String) async {
        for container in (try? await containers(of: project)) ?? [] {
            try? await client.removeContainer(container.id, force: true, volumes: true)
        }
        for network in (try? await client.listNetworks(labelFilters: ["sutactl.project=\(project)"])) ?? [] {
            try? await client.removeNetwork(network.id)
        }
        for volume in (try? await client.listVolumes(labelFilters: ["sutactl.project=\(project)"])) ?? [] {
            try? await client.removeVolume(volume.name, force: true)
        }
    }

    /// A fresh project name with an empty `manifests/` in its own temporary directory.
    static func scratchProject(_ prefix: String) async throws -> String {
        try await requireEngine()
        let project = "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(at: directory(of: project).appendingPathComponent("manifests"), withIntermediateDirectories: true)
        return project
    }

    static func directory(of project: String) -> URL { FileManager.default.temporaryDirectory.appendingPathComponent(project) }

    /// Removes a scratch project's engine objects and directory (nothing for an empty name).
    static func removeScratch(_ project: String) async {
        guard !project.isEmpty else { return }
        await cleanUp(project)
        try? FileManager.default.removeItem(at: directory(of: project))
    }

    /// A random free TCP port on 127.0.0.1.
    static func freePort() -> Int { bindable(0) ?? 0 }

    /// `count` distinct TCP ports free on 127.0.0.1 now, drawn from 20000-32767: below the
    /// kernel's ephemeral range (where outgoing connections take their local ports, so none
    /// takes one before the engine publishes it), above the platform's fixed 10000-11148.
    static func freePorts(_ count: Int) -> [Int] {
        var ports: [Int] = []
        var tried = Set<Int>()
        while ports.count < count, tried.count < 12768 {
            let candidate = Int.random(in: 20000...32767)
            guard tried.insert(candidate).inserted else { continue }
            if bindable(candidate) != nil { ports.append(candidate) }
        }
        return ports
    }

    /// Binds a TCP socket to 127.0.0.1:`port` (0: the kernel picks) and closes it again;
    /// the port bound, or nil when it is taken.
    private static func bindable(_ port: Int) -> Int? {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        guard bound == 0 else { return nil }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct EngineUnavailable: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
