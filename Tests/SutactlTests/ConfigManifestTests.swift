import Foundation
import XCTest

/// `config -o manifest`: manifests that load back to the same resolved state, with secrets
/// as `${VAR}` references; applied, they change nothing.
final class ConfigManifestTests: XCTestCase {
    private var project = ""

    override func tearDown() async throws {
        await EngineHarness.removeScratch(project)
    }

    /// For the shipped platform, loading the printed manifests gives the same `config -o json`
    /// (services, networks, volumes, every field), and no secret value is printed.
    func testShippedManifestsRoundTripWithoutSecretValues() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cvt-config-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for profile in ["minimal", "full,security"] {
            let printed = try SutactlRunner.run(["config", "-f", "manifests", "--profile", profile, "-o", "manifest"])
            XCTAssertEqual(printed.status, 0, printed.stderr)
            for value in SutactlRunner.platformSecrets.values { XCTAssertFalse(printed.stdout.contains(value), "\(profile): a secret value is printed") }
            XCTAssertTrue(printed.stdout.contains("    NEO4J_PASSWORD: ${NEO4J_PASSWORD:?set NEO4J_PASSWORD}\n"), printed.stdout)
            try printed.stdout.write(to: directory.appendingPathComponent("all.yaml"), atomically: true, encoding: .utf8)
            let original = try SutactlRunner.run(["config", "-f", "manifests", "--profile", profile, "-o", "json"])
            let reloaded = try SutactlRunner.run(["config", "-f", directory.path, "-o", "json"])
            XCTAssertEqual(reloaded.status, 0, reloaded.stderr)
            func body(_ json: String) throws -> [String: Any] {
                var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
                object["profile"] = nil
                return object
            }
            XCTAssertEqual(try body(reloaded.stdout) as NSDictionary, try body(original.stdout) as NSDictionary, profile)
        }
    }

    /// Applied from its manifests, the project's `config -o manifest` output shows no change in
    /// `diff`, and applying it changes nothing.
    func testAppliedOutputShowsNoChanges() async throws {
        project = try await EngineHarness.scratchProject("cvt-cfg")
        var scratch = ScratchManifests(project: project)
        scratch.environment["CVT_DB_PASSWORD"] = "pa$$word-value"
        try scratch.write("""
        spec: {secrets: [CVT_DB_PASSWORD]}
        ---
        apiVersion: sutactl/v1
        kind: Network
        metadata: {name: back}
        spec: {ipam: {subnet: 172.31.250.0/24}}
        ---
        apiVersion: sutactl/v1
        kind: Volume
        metadata: {name: data}
        ---
        apiVersion: sutactl/v1
        kind: Profile
        metadata: {name: small}
        spec:
          services: ["*"]
          defaults: {stop_grace_period: 2s}
          overrides:
            web: {resources: {memory: 48M, reservations: {memory: 24M}}}

        """ + ScratchManifests.service("web", """
          command: ["8080"]
          environment: {PRICE: "$$5", DSN: "postgres://app:${CVT_DB_PASSWORD}@db", MODE: "${CVT_MODE:-one}"}
          ports: ["127.0.0.1::8080"]
          volumes: ["data:/data", "./conf:/etc/conf:ro", {type: tmpfs, target: /cache}]
          networks: {back: {aliases: [api], ipv4_address: 172.31.250.10}}
          healthcheck: {http: {port: 8080, path: /health}, interval: 500ms, retries: 3}
          labels: {team: core}
          tmpfs: [/run]
        """) + ScratchManifests.service("worker", """
          command: ["8081"]
          depends_on: {web: {condition: service_healthy}}
          networks: [back]
          restart: on-failure:2
          cap_drop: [ALL]
          user: "1001"
        """))
        let apply = try scratch.sutactl(["apply", "-f", "manifests", "--profile", "small", "--wait", "--timeout", "60s"])
        XCTAssertEqual(apply.status, 0, apply.stderr + apply.stdout)
        let printed = try scratch.sutactl(["config", "-f", "manifests", "--profile", "small", "-o", "manifest"])
        XCTAssertEqual(printed.status, 0, printed.stderr)
        XCTAssertTrue(printed.stdout.contains("DSN: postgres://app:${CVT_DB_PASSWORD}@db"), printed.stdout)
        XCTAssertTrue(printed.stdout.contains("PRICE: $$5"), printed.stdout)
        XCTAssertFalse(printed.stdout.contains("word-value"), printed.stdout)
        XCTAssertTrue(printed.stdout.contains("    memory: 50331648\n    reservations:\n      memory: 25165824\n"), printed.stdout)
        let output = scratch.directory.appendingPathComponent("resolved")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try printed.stdout.write(to: output.appendingPathComponent("all.yaml"), atomically: true, encoding: .utf8)

        let diff = try scratch.sutactl(["diff", "-f", "resolved"])
        XCTAssertEqual(diff.status, 0, diff.stdout + diff.stderr)
        let again = try scratch.sutactl(["apply", "-f", "resolved"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "no changes: 2 services up to date\n")
        XCTAssertEqual(try scratch.sutactl(["down", "-f", "resolved", "--volumes"]).status, 0)
    }
}
