import Foundation
import SutaClients
import SutaController
import SutaPlan
import XCTest

/// The default profile on the real engine with the offline images, the test's own host
/// ports, and the Kong (DB-less), Consul and Ollama stand-ins: routes, registrations and
/// models are created, a second apply writes nothing anywhere, status shows models and
/// breakers. Runs beside the demo (project `sutazai`).
final class ServicesIntegrationTests: XCTestCase {
    private let project = "sutazai-svc"
    private let token = "acl-token-that-must-not-leak"
    private var platform: PlatformHarness?

    override func setUp() async throws {
        platform = try await PlatformHarness(project: project, subnet: 216, consulToken: token)
    }

    override func tearDown() async throws {
        await platform?.tearDown()
    }

    func testDefaultProfileSyncsGatewayDiscoveryAndModelsThenWritesNothing() async throws {
        let platform = try XCTUnwrap(platform)
        let (kong, consul, ollama, environment) = (platform.kong, platform.consul, platform.ollama, platform.environment)
        let sutactl = platform.sutactl

        // diff lists every container, gateway, discovery and model change with its values;
        // apply then does exactly that list, and on its next look what the diff said was pending.
        let arguments = platform.manifestArguments + ["--profile", platform.profile("default,offline")]
        let diff = try sutactl(["diff", "-o", "json"] + arguments)
        XCTAssertEqual(diff.status, 1, diff.stderr)
        let planned = try Self.steps(diff.stdout)
        XCTAssertEqual(Set(planned.map(\.action)), ["create network", "create volume", "create service", "load gateway", "register registration",
                                                     "pull model"], "\(planned.map(\.line))")
        let gateway = try XCTUnwrap(planned.first { $0.action == "load gateway" })
        XCTAssertTrue(gateway.changes.contains("+ service \(project)-backend.url http://backend:8000"), "\(gateway.changes)")
        XCTAssertTrue(gateway.changes.contains("+ route \(project)-backend-api.paths /api"), "\(gateway.changes)")
        let registration = try XCTUnwrap(planned.first { $0.line == "register registration \(project)-backend" })
        XCTAssertEqual(registration.changes, ["+ name backend", "+ address 127.0.0.1:\(try platform.ports.hostPort("backend", containerPort: 8000))"])
        let pending = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])["pending"] as? [String]
        XCTAssertTrue(pending?.contains("model tinyllama: preloaded once pulled (what it can do decides how)") == true, "\(pending ?? [])")

        let cold = try sutactl(["apply", "-o", "json"] + arguments + ["--wait", "--timeout", "240s"])
        XCTAssertEqual(cold.status, 0, cold.stderr + cold.stdout)
        XCTAssertFalse((cold.stdout + cold.stderr).contains(token), "the ACL token is never printed")
        let applied = try Self.steps(cold.stdout)
        XCTAssertEqual(Array(applied.prefix(planned.count)).map(\.line), planned.map(\.line), "apply's first look is the diff")
        XCTAssertEqual(Array(applied.prefix(planned.count)).filter { $0.action.contains("gateway") || $0.action.contains("registration") }
            .map(\.changes), planned.filter { $0.action.contains("gateway") || $0.action.contains("registration") }.map(\.changes))
        XCTAssertEqual(applied.dropFirst(planned.count).map(\.line), ["preload model tinyllama"], "what the diff said was pending")
        XCTAssertTrue(applied.allSatisfy { $0.result == "ok" }, "\(applied.map { "\($0.line): \($0.result)" })")

        // What the manifests declare for the default profile.
        let paths = ["manifests", "examples/offline"].map { SutactlRunner.repositoryRoot.appendingPathComponent($0).path } + [platform.ports.directory.path]
        let resolution = try ManifestLoader(paths: paths, profiles: ["default", "offline", TestPortsProfile.name], environment: environment,
                                            projectName: project).load()
        let desired = IntegrationState(config: try XCTUnwrap(resolution.config), fingerprintKey: nil)
        XCTAssertFalse(desired.gatewayServices.isEmpty)
        XCTAssertFalse(desired.registrations.isEmpty)

        let kongClient = KongAdminClient(endpoint: try .init(parsing: kong.address))
        let services = try await kongClient.listServices(tag: "sutactl-project-\(project)")
        XCTAssertEqual(services.compactMap(\.name).sorted(), desired.gatewayServices.map(\.name).sorted())
        let routes = try await kongClient.listRoutes(tag: "sutactl-project-\(project)")
        XCTAssertEqual(routes.count, desired.gatewayServices.flatMap(\.routes).count)
        XCTAssertTrue(routes.contains { $0.paths == ["/api"] }, "the backend's /api route")

        let registered = try await ConsulClient(endpoint: try .init(parsing: consul.address), token: token).services()
        XCTAssertEqual(registered.keys.sorted(), desired.registrations.map(\.id).sorted())
        let backend = try XCTUnwrap(registered["\(project)-backend"])
        XCTAssertEqual(backend.address, "127.0.0.1")
        XCTAssertEqual(backend.port, try platform.ports.hostPort("backend", containerPort: 8000), "the backend's published (test) port")
        XCTAssertNotEqual(backend.port, 10010)

        XCTAssertEqual(ollama.installedModels, ["nomic-embed-text:latest", "tinyllama:latest"])
        XCTAssertEqual(ollama.loadedModels, ["tinyllama:latest"])

        // A second diff and apply: nothing to do, and no write to the engine or any stand-in.
        let noDiff = try sutactl(["diff"])
        XCTAssertEqual(noDiff.status, 0, noDiff.stdout + noDiff.stderr)
        let counts = (kong.requestLines.count, consul.requestLines.count, ollama.requestLines.count)
        let again = try sutactl(["apply"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "no changes: 30 services up to date\n")
        XCTAssertEqual(kong.requestLines.dropFirst(counts.0).filter { !$0.hasPrefix("GET") }, [])
        XCTAssertEqual(consul.requestLines.dropFirst(counts.1).filter { !$0.hasPrefix("GET") }, [])
        XCTAssertEqual(ollama.requestLines.dropFirst(counts.2).filter { $0.contains("pull") || $0.contains("generate") }, [])

        // status -o json: health with probes, models, breakers.
        let status = try sutactl(["status", "-o", "json"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let models = try XCTUnwrap(report["models"] as? [[String: Any]])
        XCTAssertEqual(models.map { $0["name"] as? String }, ["tinyllama", "nomic-embed-text"])
        XCTAssertEqual(models.map { $0["loaded"] as? Bool }, [true, false])
        let breakers = try XCTUnwrap(report["breakers"] as? [[String: Any]])
        XCTAssertEqual(Set(breakers.compactMap { $0["name"] as? String }), ["kong", "consul", "ollama"])
        XCTAssertTrue(breakers.allSatisfy { $0["state"] as? String == "closed" })
        let statusServices = try XCTUnwrap(report["services"] as? [[String: Any]])
        let backendStatus = try XCTUnwrap(statusServices.first { $0["name"] as? String == "backend" })
        XCTAssertEqual(backendStatus["health"] as? String, "healthy")
        let probe = try XCTUnwrap(backendStatus["probe"] as? [String: Any])
        XCTAssertEqual(probe["healthy"] as? Bool, true)
        XCTAssertEqual(probe["consecutiveFailures"] as? Int, 0)

        // The discovery agent goes away: apply fails on it (not hanging), and after enough
        // failures its breaker opens and apply skips it with a clear message.
        consul.down()
        for _ in 0..<5 { XCTAssertEqual(try sutactl(["apply"]).status, 4) }
        let skipped = try sutactl(["apply"])
        XCTAssertEqual(skipped.status, 4)
        XCTAssertTrue(skipped.stderr.contains("skipped: the consul circuit breaker is open until "), skipped.stderr)
        let shown = try sutactl(["breakers"])
        XCTAssertTrue(shown.stdout.contains("consul: open until "), shown.stdout)
        XCTAssertEqual(try sutactl(["breakers", "reset", "consul"]).stdout, "consul: closed\n")
        let after = try sutactl(["breakers", "-o", "json"])
        XCTAssertTrue(after.stdout.contains("\"name\": \"consul\",\n    \"state\": \"closed\""), after.stdout)
    }

    /// The steps of `apply -o json` or `diff -o json`: `create service` (action and the kind of
    /// subject), `create service backend` (the line), the field changes as text, the result.
    private static func steps(_ json: String) throws -> [(action: String, line: String, changes: [String], result: String)] {
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
        let steps = try XCTUnwrap(object["steps"] as? [[String: Any]])
        return steps.map { step in
            let verb = step["action"] as? String ?? "?", subject = step["subject"] as? String ?? "?"
            let changes = (step["changes"] as? [[String: Any]] ?? []).map { change -> String in
                let path = change["path"] as? String ?? "?"
                switch (change["before"] as? String, change["after"] as? String) {
                case (nil, let after?): return "+ \(path) \(after)"
                case (let before?, nil): return "- \(path) \(before)"
                case (let before, let after): return "~ \(path) \(before ?? "") -> \(after ?? "")"
                }
            }
            return ("\(verb) \(subject.split(separator: " ").first ?? "")", "\(verb) \(subject)", changes, step["result"] as? String ?? "?")
        }
    }
}
