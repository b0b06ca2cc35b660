import Foundation
import SutaController
import SutaPlan
import XCTest

/// The side-by-side benchmarks' generator (`sutactl-bench --write-topology`) writes one
/// topology twice: the compose file parses with `docker-compose config -q`, the manifests
/// pass `sutactl validate`, and both hold the same services, dependency edges (with their
/// conditions), limits, images, commands and volumes. Its swarm form (`--swarm`) is read by
/// `docker stack config` (the loader of `docker stack deploy`), passes `sutactl validate
/// --engine swarm`, and holds the same services, ports (host mode), environment, limits,
/// volumes, networks, replicas and rollout as sutactl's. Nothing here is timed, no swarm runs.
final class BenchTopologyTests: XCTestCase {
    /// One service as both sides describe it, in a form that does not depend on the tool.
    private struct Shape: Decodable, Equatable {
        var edges: [String]
        var memory: Int64?
        var cpus: Double?
        var pids: Int?
        var image: String
        var command: [String]
        var volumes: [String]
    }

    /// Reads `docker-compose config`'s normalized output into shapes by service name.
    private static let composeShapes = """
    import json, re, sys, yaml
    units = {"b": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}
    def size(text):
        number, unit = re.fullmatch(r"([0-9]+)([bkmg]?)", str(text).lower()).groups()
        return int(number) * units[unit or "b"]
    shapes = {}
    for name, service in yaml.safe_load(sys.stdin)["services"].items():
        edges = ["%s:%s" % (dep, "healthy" if spec["condition"] == "service_healthy" else "started")
                 for dep, spec in (service.get("depends_on") or {}).items()]
        shapes[name] = {"edges": sorted(edges), "memory": size(service["mem_limit"]), "cpus": float(service["cpus"]),
                        "pids": service["pids_limit"], "image": service["image"], "command": service["command"],
                        "volumes": sorted(":".join(v.split(":")[:2]) for v in service["volumes"])}
    print(json.dumps(shapes))
    """

    /// One service of the swarm form as both sides describe it.
    private struct SwarmShape: Decodable, Equatable {
        var image: String
        var command: [String]
        var environment: [String]
        /// `published:target/protocol`, host mode only.
        var ports: [String]
        var volumes: [String]
        var networks: [String]
        var memory: Int64?
        var cpus: Double?
        var pids: Int?
        var replicas: Int
        /// sutactl's `SwarmRollout.text` form.
        var rollout: String
    }

    /// Reads `docker stack config`'s normalized output into swarm shapes by service name.
    private static let stackShapes = """
    import json, sys, yaml
    shapes = {}
    for name, service in yaml.safe_load(sys.stdin)["services"].items():
        deploy, limits = service["deploy"], service["deploy"]["resources"]["limits"]
        update = deploy["update_config"]
        assert deploy["endpoint_mode"] == "dnsrr", name
        shapes[name] = {"image": service["image"], "command": service["command"],
                        "environment": sorted("%s=%s" % item for item in service["environment"].items()),
                        "ports": ["%s:%s/%s" % (p["published"], p["target"], p["protocol"]) for p in service.get("ports", []) if p["mode"] == "host"],
                        "volumes": sorted("%s:%s" % (v["source"], v["target"]) for v in service["volumes"]),
                        "networks": sorted(service["networks"]), "memory": int(limits["memory"]), "cpus": float(limits["cpus"]),
                        "pids": limits["pids"], "replicas": deploy["replicas"],
                        "rollout": "parallelism %s, monitor %s, %s, on failure %s" % (update["parallelism"], update["monitor"],
                                                                                    update["order"], update["failure_action"])}
    print(json.dumps(shapes))
    """

    func testSwarmComposeFileAndManifestsAgree() throws {
        let bench = SutactlRunner.binary.deletingLastPathComponent().appendingPathComponent("sutactl-bench")
        guard FileManager.default.isExecutableFile(atPath: bench.path) else {
            throw XCTSkip("\(bench.path) is not built (swift build builds it)")
        }
        // `stack config` is in the docker CLI since 23; Debian's 20.10 has no such command.
        let root = URL(fileURLWithPath: "/")
        guard let docker = ["/usr/local/bin/docker", "/usr/bin/docker"].first(where: {
            FileManager.default.isExecutableFile(atPath: $0) && (try? ComposeTool.run($0, ["stack", "--help"], in: root))?.output.contains("\n  config ") == true
        }) else {
            throw XCTSkip("no docker CLI with `stack config` (docker 23 or later)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-swarm-topology-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let write = try ComposeTool.run(bench.path, ["--write-topology", directory.path, "59", "--swarm"], in: directory.deletingLastPathComponent())
        XCTAssertEqual(write.status, 0, write.output)

        let validate = try SutactlRunner.run(["validate", "--engine", "swarm", "-f", "manifests"], environment: [:], in: directory)
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        let config = try ComposeTool.run(docker, ["stack", "config", "-c", "compose.yaml"], in: directory)
        XCTAssertEqual(config.status, 0, config.output)
        let theirs = try Self.decoded([String: SwarmShape].self, from: config.output, by: Self.stackShapes)

        let resolution = try ManifestLoader(paths: [directory.appendingPathComponent("manifests").path], profiles: [], environment: [:]).load()
        let resolved = try XCTUnwrap(resolution.config, "\(resolution.errors)")
        XCTAssertEqual(resolved.project.engineMode, .swarm)
        var ours: [String: SwarmShape] = [:]
        for service in resolved.services {
            XCTAssertEqual(Set(service.ports.map(\.hostIP)).subtracting(["0.0.0.0"]), [], "service \(service.name) publishes on 0.0.0.0")
            ours[service.name] = SwarmShape(
                image: service.image, command: service.command ?? [], environment: service.environment.map { "\($0.name)=\($0.value)" }.sorted(),
                ports: service.ports.map { "\($0.hostPort ?? 0):\($0.containerPort)/\($0.transport.rawValue)" },
                volumes: service.volumes.map { "\($0.source ?? ""):\($0.target)" }.sorted(), networks: service.networks.map(\.network).sorted(),
                memory: service.resources.memoryBytes, cpus: service.resources.cpus, pids: service.resources.pids, replicas: service.replicas,
                rollout: SwarmRollout(service: service, project: resolved.project).text)
        }
        XCTAssertEqual(ours.count, 59)
        XCTAssertEqual(Set(ours.keys), Set(theirs.keys))
        XCTAssertEqual(ours.values.filter { !$0.ports.isEmpty }.count, 15, "every fourth service publishes a port")
        for name in ours.keys.sorted() {
            XCTAssertEqual(ours[name], theirs[name], "service \(name): manifests, then stack file")
        }
    }

    func testGeneratedComposeFileAndManifestsAgree() throws {
        try ComposeTool.require()
        let bench = SutactlRunner.binary.deletingLastPathComponent().appendingPathComponent("sutactl-bench")
        guard FileManager.default.isExecutableFile(atPath: bench.path) else {
            throw XCTSkip("\(bench.path) is not built (swift build builds it)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-topology-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let write = try ComposeTool.run(bench.path, ["--write-topology", directory.path, "59"], in: directory.deletingLastPathComponent())
        XCTAssertEqual(write.status, 0, write.output)

        let check = try ComposeTool.run(ComposeTool.composePath, ["-f", "compose.yaml", "config", "-q"], in: directory)
        XCTAssertEqual(check.status, 0, check.output)
        let validate = try SutactlRunner.run(["validate", "-f", "manifests"], environment: [:], in: directory)
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)

        let config = try ComposeTool.run(ComposeTool.composePath, ["-f", "compose.yaml", "config"], in: directory)
        XCTAssertEqual(config.status, 0, config.output)
        let theirs = try Self.decoded([String: Shape].self, from: config.output, by: Self.composeShapes)
        let resolution = try ManifestLoader(paths: [directory.appendingPathComponent("manifests").path], profiles: [], environment: [:]).load()
        let resolved = try XCTUnwrap(resolution.config, "\(resolution.errors)")
        var ours: [String: Shape] = [:]
        for service in resolved.services {
            ours[service.name] = Shape(edges: service.dependsOn.map { "\($0.service):\($0.condition.rawValue)" }.sorted(),
                                       memory: service.resources.memoryBytes, cpus: service.resources.cpus, pids: service.resources.pids,
                                       image: service.image, command: service.command ?? [],
                                       volumes: service.volumes.map { "\($0.source ?? ""):\($0.target)" }.sorted())
        }
        XCTAssertEqual(ours.count, 59)
        XCTAssertEqual(Set(ours.keys), Set(theirs.keys))
        XCTAssertEqual(ours.values.flatMap(\.edges).filter { $0.hasSuffix(":healthy") }.count, 10, "ten health-gated edges")
        for name in ours.keys.sorted() {
            XCTAssertEqual(ours[name], theirs[name], "service \(name): manifests, then compose file")
        }
    }

    /// What a Python `script` prints (JSON) when given `text` on standard input, decoded.
    private static func decoded<Value: Decodable>(_ type: Value.Type, from text: String, by script: String) throws -> Value {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python3 could not read the normalized compose file")
        return try JSONDecoder().decode(type, from: data)
    }
}
