import Foundation
import SutaController
import XCTest

/// The side-by-side benchmark's generator (`sutactl-bench --write-topology`) writes one
/// topology twice: the compose file parses with `docker-compose config -q`, the manifests
/// pass `sutactl validate`, and both hold the same services, dependency edges (with their
/// conditions), limits, images, commands and volumes. Nothing here is timed.
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
        let theirs = try Self.shapes(ofComposeConfig: config.output)
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

    private static func shapes(ofComposeConfig text: String) throws -> [String: Shape] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", composeShapes]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "python3 could not read docker-compose config")
        return try JSONDecoder().decode([String: Shape].self, from: data)
    }
}
