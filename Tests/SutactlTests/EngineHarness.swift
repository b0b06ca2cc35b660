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
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct EngineUnavailable: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
