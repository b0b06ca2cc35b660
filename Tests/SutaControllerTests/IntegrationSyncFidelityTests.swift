import SutaClients
import SutaController
import SutaModel
import SutaPlan
import SutaTestSupport
import SutaYAML
import XCTest

/// The sync against stand-ins that behave like the real servers: a DB-less Kong node's
/// other entities survive the project's changes, an unchanged gateway posts nothing, a
/// name of another owner is not taken over; embedding models load through `/api/embed`,
/// and a model with `keep_alive` 0 is never a change.
final class IntegrationSyncFidelityTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    /// Another team's entities on the node, and another sutactl project's service.
    private let foreign = #"""
        {"_format_version":"3.0",
         "services":[{"name":"billing","url":"https://billing.internal","tags":["team-billing"],
                      "routes":[{"name":"billing","paths":["/billing"]}],
                      "plugins":[{"name":"rate-limiting","config":{"minute":10}}]},
                     {"name":"other-web","url":"http://web:80","tags":["sutactl","sutactl-project-other"],
                      "routes":[{"name":"other-web","paths":["/other"],"tags":["sutactl","sutactl-project-other"]}]}],
         "plugins":[{"name":"cors"}],
         "consumers":[{"username":"alice"}],
         "upstreams":[{"name":"billing-up","targets":[{"target":"10.0.0.5:443"}]}]}
        """#

    private func gatewayConfig(_ kong: KongStandIn, routes: [String]) -> ResolvedConfig {
        var project = ProjectSpec(name: "shop")
        project.gateway = GatewaySettings(adminURL: kong.address, mode: .dbless)
        var api = ServiceSpec(name: "api", location: here, image: "img:1")
        api.gateway = GatewaySpec(port: 8000, routes: routes.map { GatewayRoute(name: "api-\($0.dropFirst())", paths: [$0], methods: [], hosts: [], stripPath: true) })
        return ResolvedConfig(project: project, profiles: [], services: [api], networks: [], volumes: [])
    }

    private func sync(_ config: ResolvedConfig) async -> IntegrationRound {
        await IntegrationRound.run(config)
    }

    /// The names in each collection of the node's export.
    private func exported(_ kong: KongStandIn) async throws -> [String: [String]] {
        let text = try await KongAdminClient(endpoint: .init(parsing: kong.address)).exportDeclarativeConfig()
        guard case .object(let fields) = try ConfigValue(yaml: text, file: "export") else { return [:] }
        var names: [String: [String]] = [:]
        for case let (collection, .array(entities)) in fields {
            names[collection] = entities.map { $0["name"]?.stringValue ?? $0["username"]?.stringValue ?? $0["target"]?.stringValue ?? "?" }.sorted()
        }
        return names
    }

    func testTheProjectsChangesKeepEveryOtherEntityOfTheNodeAndAnUnchangedGatewayPostsNothing() async throws {
        let kong = try KongStandIn(mode: .dbless)
        defer { kong.stop() }
        _ = try await KongAdminClient(endpoint: .init(parsing: kong.address)).applyDeclarativeConfig(text: foreign)
        let others: [String: [String]] = ["consumers": ["alice"], "plugins": ["cors", "rate-limiting"], "targets": ["10.0.0.5:443"],
                                          "upstreams": ["billing-up"]]

        let created = await sync(gatewayConfig(kong, routes: ["/api", "/v1"]))
        XCTAssertEqual(created.failures, [])
        var names = try await exported(kong)
        XCTAssertEqual(names["services"], ["billing", "other-web", "shop-api"])
        XCTAssertEqual(names["routes"], ["billing", "other-web", "shop-api-api", "shop-api-v1"])
        XCTAssertEqual(names.filter { others.keys.contains($0.key) }, others)

        let before = kong.requestLines.count
        let again = await sync(gatewayConfig(kong, routes: ["/api", "/v1"]))
        XCTAssertEqual(again, .none)
        XCTAssertEqual(kong.requestLines.dropFirst(before).filter { !$0.hasPrefix("GET") }, [], "an unchanged gateway is a no-op")

        let hash = kong.configurationHash
        let changed = await sync(gatewayConfig(kong, routes: ["/api", "/v2"]))
        XCTAssertEqual(changed.failures, [])
        XCTAssertEqual(changed.changes, ["load gateway configuration"])
        XCTAssertEqual(changed.plans[0].steps[0].changes.map(\.text), ["- route shop-api-v1.paths /v1", "+ route shop-api-v2.paths /v2"])
        XCTAssertNotEqual(kong.configurationHash, hash)
        names = try await exported(kong)
        XCTAssertEqual(names["services"], ["billing", "other-web", "shop-api"])
        XCTAssertEqual(names["routes"], ["billing", "other-web", "shop-api-api", "shop-api-v2"], "another project's route is not ours to drop")
        XCTAssertEqual(names.filter { others.keys.contains($0.key) }, others)
    }

    func testANameOfAnotherOwnerIsNotTakenOver() async throws {
        let kong = try KongStandIn(mode: .dbless)
        defer { kong.stop() }
        let taken = #"{"_format_version":"3.0","services":[{"name":"shop-api","url":"http://elsewhere:80","tags":["team-x"]}]}"#
        _ = try await KongAdminClient(endpoint: .init(parsing: kong.address)).applyDeclarativeConfig(text: taken)
        let before = kong.requestLines.count
        let outcome = await sync(gatewayConfig(kong, routes: ["/api"]))
        XCTAssertEqual(outcome.failures, ["applying the gateway configuration failed: gateway service shop-api already exists in Kong and is not "
            + "tagged sutactl-project-shop: sutactl does not take it over; rename the route or remove the other service"])
        XCTAssertEqual(kong.requestLines.dropFirst(before).filter { !$0.hasPrefix("GET") }, [], "nothing is posted")
    }

    func testAnEmbeddingModelLoadsThroughEmbedAndKeepAliveZeroIsNeverAChange() async throws {
        let ollama = try OllamaStandIn(models: [OllamaStandInModel(name: "tinyllama"), OllamaStandInModel(name: "nomic-embed-text"),
                                               OllamaStandInModel(name: "phi3")])
        defer { ollama.stop() }
        var project = ProjectSpec(name: "shop")
        project.modelServer = ModelServerSettings(url: ollama.address, models: [
            ModelSpec(name: "tinyllama", preload: true, keepAlive: "5m"),
            ModelSpec(name: "nomic-embed-text", preload: true, keepAlive: "10m"),
            ModelSpec(name: "phi3", preload: true, keepAlive: "0"),
        ])
        let config = ResolvedConfig(project: project, profiles: [], services: [], networks: [], volumes: [])

        let first = await sync(config)
        XCTAssertEqual(first.failures, [])
        XCTAssertEqual(first.changes, ["preload model tinyllama", "preload model nomic-embed-text"])
        XCTAssertEqual(first.plans[0].steps.map(\.action), [.preloadModel(name: "tinyllama", method: .generate, keepAlive: "5m"),
                                                             .preloadModel(name: "nomic-embed-text", method: .embed, keepAlive: "10m")])
        XCTAssertEqual(ollama.loadedModels, ["nomic-embed-text:latest", "tinyllama:latest"])
        XCTAssertEqual(ollama.bodies(of: "POST /api/embed"), [#"{"keep_alive":"10m","model":"nomic-embed-text"}"#])
        XCTAssertEqual(ollama.bodies(of: "POST /api/generate"), [#"{"keep_alive":"5m","model":"tinyllama","stream":false}"#])

        let before = ollama.requestLines.count
        let second = await sync(config)
        XCTAssertEqual(second, .none, "loaded models, and one with keep_alive 0 that is not loaded: nothing to do")
        XCTAssertEqual(ollama.requestLines.dropFirst(before).filter { $0.hasPrefix("POST") }, [])
    }
}
