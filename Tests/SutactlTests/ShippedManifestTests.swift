import Foundation
import SutaController
import SutaModel
import XCTest

/// The SutazAI manifests in manifests/ and profiles/ validate under every profile with the
/// topology's counts, ports and limits.
final class ShippedManifestTests: XCTestCase {
    private func load(_ profiles: [String], environment: [String: String] = SutactlRunner.platformSecrets) throws -> ConfigResolution {
        let manifests = SutactlRunner.repositoryRoot.appendingPathComponent("manifests").path
        return try ManifestLoader(paths: [manifests], profiles: profiles, environment: environment).load()
    }

    func testEveryProfileValidatesWithTheDocumentedCounts() throws {
        let expected: [([String], Int)] = [
            ([], 30), (["minimal"], 8), (["default"], 30), (["full"], 59), (["security"], 30),
            (["minimal", "security"], 8), (["full", "security"], 59),
        ]
        for (profiles, count) in expected {
            let resolution = try load(profiles)
            XCTAssertEqual(resolution.errors.map(\.description), [], "profile \(profiles)")
            XCTAssertNil(resolution.usageError)
            XCTAssertEqual(resolution.config?.services.count, count, "profile \(profiles)")
        }
    }

    func testMinimalIsTheEightContainerDeployment() throws {
        let config = try XCTUnwrap(try load(["minimal"]).config)
        XCTAssertEqual(config.services.map(\.name), ["backend", "frontend", "grafana", "ollama", "postgres", "prometheus", "qdrant", "redis"])
        let backend = try XCTUnwrap(config.services.first { $0.name == "backend" })
        // Optional dependencies outside the profile (neo4j, chromadb, rabbitmq) are dropped.
        XCTAssertEqual(Set(backend.dependsOn.map(\.service)), ["postgres", "redis", "ollama", "qdrant"])
        let grafana = try XCTUnwrap(config.services.first { $0.name == "grafana" })
        XCTAssertEqual(grafana.dependsOn.map(\.service), ["prometheus"])
        XCTAssertEqual(config.networks.map(\.name), ["sutazai-network"])
    }

    func testFullProfileCarriesTheReferencePortsAndLimits() throws {
        let config = try XCTUnwrap(try load(["full"]).config)
        let byName = Dictionary(uniqueKeysWithValues: config.services.map { ($0.name, $0) })
        func ports(_ name: String) -> [String] { byName[name]?.ports.map { "\($0.hostPort ?? 0):\($0.containerPort)" } ?? [] }
        XCTAssertEqual(ports("postgres"), ["10000:5432"])
        XCTAssertEqual(ports("neo4j"), ["10002:7474", "10003:7687"])
        XCTAssertEqual(ports("kong"), ["10005:8000", "10015:8001"])
        XCTAssertEqual(ports("jaeger"), ["10210:16686", "10211:14268", "10212:14250", "10213:9411", "10214:4317", "10215:4318"])
        XCTAssertEqual(ports("ai-agent-orchestrator"), ["8589:8589"])
        XCTAssertEqual(byName["ollama"]?.resources, ResourceLimits(cpus: 4, memoryBytes: 4 << 30))
        XCTAssertEqual(byName["cadvisor"]?.resources, ResourceLimits(cpus: 0.5, memoryBytes: 200 << 20))
        XCTAssertEqual(byName["blackbox-exporter"]?.resources, ResourceLimits(cpus: 0.25, memoryBytes: 256 << 20))
        XCTAssertEqual(config.volumes.count, 15, "agent_outputs is declared but mounted by no service")
        // Only the gateway proxy and the frontend listen beyond loopback.
        let wide = config.services.flatMap { service in service.ports.filter { !$0.isLoopback }.map { "\(service.name):\($0.hostPort!)" } }
        XCTAssertEqual(wide.sorted(), ["frontend:10011", "kong:10005"])
        // Every host port is distinct.
        let hostPorts = config.services.flatMap { $0.ports.compactMap(\.hostPort) }
        XCTAssertEqual(Set(hostPorts).count, hostPorts.count)
    }

    func testSecurityOverlayHardensWithoutDroppingServices() throws {
        let config = try XCTUnwrap(try load(["full", "security"]).config)
        let byName = Dictionary(uniqueKeysWithValues: config.services.map { ($0.name, $0) })
        XCTAssertTrue(config.services.allSatisfy(\.noNewPrivileges))
        XCTAssertEqual(byName["cadvisor"]?.readOnlyRootFilesystem, true)
        XCTAssertEqual(byName["senior-backend-developer"]?.capDrop, ["ALL"])
        XCTAssertEqual(byName["kong"]?.ports.first { $0.containerPort == 8001 }?.hostIP, "127.0.0.1")
        XCTAssertNotEqual(byName["postgres"]?.user, nil)
    }

    func testSecurityProfileMakesDangerousSettingsErrors() throws {
        let extra = FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-dangerous-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: extra) }
        try Data("""
        apiVersion: sutactl/v1
        kind: Service
        metadata: {name: socket-reader}
        spec:
          image: busybox:1.36
          volumes: ["/var/run/docker.sock:/var/run/docker.sock:ro"]
        """.utf8).write(to: extra.appendingPathComponent("extra.yaml"))
        let manifests = SutactlRunner.repositoryRoot.appendingPathComponent("manifests").path
        func load(_ profiles: [String]) throws -> ConfigResolution {
            try ManifestLoader(paths: [manifests, extra.path], profiles: profiles, environment: SutactlRunner.platformSecrets).load()
        }
        let message = "bind mount of the Docker socket `/var/run/docker.sock` into the container (CIS Docker Benchmark 5.31: do not mount the Docker socket)"
        XCTAssertEqual(try load(["full"]).warnings.filter { $0.message == message }.count, 1)
        let hardened = try load(["full", "security"])
        XCTAssertNil(hardened.config)
        XCTAssertEqual(hardened.errors.map(\.description), [
            "\(extra.path)/extra.yaml:6:13: error: \(message)\n  hint: whoever reaches the socket controls the engine and the host, "
                + "read-only or not; an error because profile `security` sets `policy: {dangerous: error}`",
        ])
    }

    func testMissingSecretIsNamedForTheActiveProfileOnly() throws {
        var environment = SutactlRunner.platformSecrets
        environment["POSTGRES_PASSWORD"] = nil
        let minimal = try load(["minimal"], environment: environment)
        XCTAssertNil(minimal.config)
        XCTAssertTrue(minimal.errors.contains { $0.message.hasPrefix("required secret `POSTGRES_PASSWORD` is not set") },
                      minimal.errors.map(\.description).joined(separator: "\n"))
        // RABBITMQ_DEFAULT_PASS is used by rabbitmq and the agents too, but in the minimal
        // profile only the backend's use of it is reported.
        environment = SutactlRunner.platformSecrets
        environment["RABBITMQ_DEFAULT_PASS"] = nil
        let errors = try load(["minimal"], environment: environment).errors
        XCTAssertEqual(errors.count, 1, errors.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(errors.first?.location?.file.hasSuffix("manifests/services/app.yaml"), true)
        // In the full profile it is one line listing all seven uses: backend, rabbitmq and 5 core agents.
        let full = try load(["full"], environment: environment).errors
        XCTAssertEqual(full.count, 1, full.map(\.description).joined(separator: "\n"))
        let message = full.first?.message ?? ""
        XCTAssertEqual(message.components(separatedBy: "manifests/services/").count - 1, 6, message)
        XCTAssertTrue(message.hasSuffix(" and 1 more"), message)
    }
}
