import SutaClients
import SutaController
import SutaModel
import SutaPlan
import SutaTestSupport
import SutaYAML
import XCTest

/// Gateway, discovery and model sync against the stand-ins, with literal configs: create,
/// no-op (no writes), update, prune, in both of Kong's modes; breakers open on failures.
final class IntegrationSyncTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    private func config(kong: KongStandIn, consul: ConsulStandIn, ollama: OllamaStandIn, mode: GatewaySettings.Mode,
                        routes: [String: [String]]) -> ResolvedConfig {
        var project = ProjectSpec(name: "shop")
        project.gateway = GatewaySettings(adminURL: kong.address, mode: mode)
        project.discovery = DiscoverySettings(address: consul.address)
        project.modelServer = ModelServerSettings(url: ollama.address, models: [ModelSpec(name: "tinyllama", preload: true, keepAlive: "5m"),
                                                                                ModelSpec(name: "nomic-embed-text")])
        let services = routes.keys.sorted().map { name in
            var service = ServiceSpec(name: name, location: here, image: "img:1")
            service.ports = [PortMapping(hostIP: "127.0.0.1", hostPort: 18000 + name.count, containerPort: 8000, transport: .tcp, location: here)]
            service.gateway = GatewaySpec(port: 8000, routes: routes[name]!.map {
                GatewayRoute(name: "\(name)-\($0.dropFirst())", paths: [$0], methods: ["GET"], hosts: [], stripPath: true)
            })
            service.discovery = DiscoverySpec(name: name, port: 8000, tags: ["api"], meta: [:],
                                              check: DiscoveryCheck(kind: .http(path: "/health"), interval: .seconds(10), timeout: .seconds(2)))
            return service
        }
        return ResolvedConfig(project: project, profiles: [], services: services, networks: [], volumes: [])
    }

    private func sync(_ config: ResolvedConfig, dryRun: Bool = false, breakers: CircuitBreakerRegistry = CircuitBreakerRegistry()) async -> IntegrationRound {
        await IntegrationRound.run(config, dryRun: dryRun, breakers: breakers)
    }

    private func writes(_ lines: [String]) -> [String] { lines.filter { !$0.hasPrefix("GET") } }

    func testDatabaseModeCreatesThenNoOpThenUpdatesAndPrunes() async throws {
        let kong = try KongStandIn(mode: .database, pageSize: 2)
        let consul = try ConsulStandIn()
        let ollama = try OllamaStandIn()
        ollama.setPull("tinyllama", .succeed(progressLines: 2))
        ollama.setPull("nomic-embed-text", .succeed(progressLines: 2))
        defer { kong.stop(); consul.stop(); ollama.stop() }

        let first = config(kong: kong, consul: consul, ollama: ollama, mode: .database, routes: ["api": ["/api"], "web": ["/", "/static"]])
        let created = await sync(first)
        XCTAssertEqual(created.failures, [])
        XCTAssertEqual(created.changes.filter { $0.hasPrefix("create gateway") }.count, 5, "\(created.changes)")
        XCTAssertEqual(created.changes.filter { $0.hasPrefix("register") }.count, 2)
        XCTAssertEqual(created.changes.filter { $0.hasPrefix("pull model") }.count, 2)
        XCTAssertEqual(created.changes.filter { $0.hasPrefix("preload model") }, ["preload model tinyllama"], "after its pull, on the next look")
        XCTAssertEqual(created.plans.first?.pending, ["model tinyllama: preloaded once pulled (what it can do decides how)"])
        XCTAssertEqual(ollama.installedModels, ["nomic-embed-text:latest", "tinyllama:latest"])
        XCTAssertEqual(ollama.loadedModels, ["tinyllama:latest"])
        let services = try await KongAdminClient(endpoint: .init(parsing: kong.address)).listServices(tag: "sutactl-project-shop")
        XCTAssertEqual(services.compactMap(\.name).sorted(), ["shop-api", "shop-web"])

        // The same desired state again: reads only, no write to any of the three.
        let (kongBefore, consulBefore, ollamaBefore) = (kong.requestLines.count, consul.requestLines.count, ollama.requestLines.count)
        let again = await sync(first)
        XCTAssertEqual(again, .none)
        XCTAssertEqual(writes(Array(kong.requestLines.dropFirst(kongBefore))), [])
        XCTAssertEqual(writes(Array(consul.requestLines.dropFirst(consulBefore))), [])
        XCTAssertEqual(Array(ollama.requestLines.dropFirst(ollamaBefore)).filter { $0.contains("pull") || $0.contains("generate") }, [])

        // A changed route is updated; a removed service's routes, service and registration go.
        let second = config(kong: kong, consul: consul, ollama: ollama, mode: .database, routes: ["api": ["/v2"]])
        let changed = await sync(second)
        XCTAssertEqual(changed.failures, [])
        XCTAssertEqual(changed.changes.sorted(), [
            "create gateway route shop-api-v2",
            "remove gateway route shop-api-api",
            "remove gateway route shop-web-",
            "remove gateway route shop-web-static",
            "remove gateway service shop-web",
            "deregister registration shop-web",
        ].sorted())
        let remaining = try await ConsulClient(endpoint: .init(parsing: consul.address), token: nil).services()
        XCTAssertEqual(remaining.keys.sorted(), ["shop-api"])
    }

    func testDBLessModePostsOneDocumentAndNothingWhenUnchanged() async throws {
        let kong = try KongStandIn(mode: .dbless)
        let consul = try ConsulStandIn()
        let ollama = try OllamaStandIn()
        ollama.setPull("tinyllama", .succeed(progressLines: 1))
        ollama.setPull("nomic-embed-text", .succeed(progressLines: 1))
        defer { kong.stop(); consul.stop(); ollama.stop() }
        let desired = config(kong: kong, consul: consul, ollama: ollama, mode: .dbless, routes: ["api": ["/api"]])
        let dryRun = await sync(desired, dryRun: true)
        XCTAssertTrue(dryRun.changes.contains("load gateway configuration"), "\(dryRun.changes)")
        XCTAssertEqual(dryRun.plans[0].steps.first { $0.action.dependency == "kong" }?.changes.map(\.text),
                       ["+ service shop-api.url http://api:8000", "+ route shop-api-api.paths /api"])
        XCTAssertEqual(writes(kong.requestLines), [], "a dry run writes nothing")
        let applied = await sync(desired)
        XCTAssertEqual(applied.failures, [])
        XCTAssertEqual(writes(kong.requestLines), ["POST /config?check_hash=1"])
        let before = kong.requestLines.count
        let unchanged = await sync(desired)
        XCTAssertEqual(unchanged, .none)
        XCTAssertEqual(writes(Array(kong.requestLines.dropFirst(before))), [])
    }

    func testAPullThatFailsMidStreamIsAFailureAndAnUnreachableAgentOpensItsBreaker() async throws {
        let kong = try KongStandIn(mode: .dbless)
        let consul = try ConsulStandIn()
        let ollama = try OllamaStandIn()
        ollama.setPull("tinyllama", .failMidStream(progressLines: 2, message: "pull model manifest: file does not exist"))
        ollama.setPull("nomic-embed-text", .succeed(progressLines: 1))
        defer { kong.stop(); consul.stop(); ollama.stop() }
        let desired = config(kong: kong, consul: consul, ollama: ollama, mode: .dbless, routes: ["api": ["/api"]])
        let outcome = await sync(desired)
        XCTAssertEqual(outcome.failures.filter { $0.hasPrefix("pull model tinyllama: ") && $0.contains("file does not exist") }.count, 1,
                       "\(outcome.failures)")
        XCTAssertFalse(ollama.installedModels.contains("tinyllama:latest"))

        consul.down()
        let breakers = CircuitBreakerRegistry(settings: CircuitBreakerSettings(slidingWindowSize: 4, minimumNumberOfCalls: 2, openDuration: .seconds(60)))
        for _ in 0..<2 { _ = await sync(desired, breakers: breakers) }
        XCTAssertEqual(breakers.breaker("consul").state, .open)
        let rejected = await sync(desired, breakers: breakers)
        XCTAssertTrue(rejected.failures.contains { $0.hasPrefix("listing registrations skipped: the consul circuit breaker is open until ") },
                      "\(rejected.failures)")
        XCTAssertEqual(breakers.breaker("kong").state, .closed, "one breaker per dependency")
    }
}
