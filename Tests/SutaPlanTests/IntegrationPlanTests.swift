import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// Golden plans with the gateway, discovery and model steps, from literal desired and
/// observed states: edges to the container steps, field values, what waits for a later look.
final class IntegrationPlanTests: XCTestCase {
    let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
    private let tags = ["sutactl", "sutactl-project-p"]

    private func api(routes: [String] = ["/api"]) -> ServiceSpec {
        var spec = ServiceSpec(name: "api", location: here, image: "img:1")
        spec.ports = [PortMapping(hostIP: "127.0.0.1", hostPort: 18080, containerPort: 8000, transport: .tcp, location: here)]
        spec.gateway = GatewaySpec(port: 8000, routes: routes.map {
            GatewayRoute(name: "api-\($0.dropFirst())", paths: [$0], methods: ["GET"], hosts: [], stripPath: true)
        })
        spec.discovery = DiscoverySpec(name: "api", port: 8000, tags: ["v1"], meta: [:], check: nil)
        return spec
    }

    private func config(_ services: [ServiceSpec], mode: GatewaySettings.Mode = .database, gatewayService: String? = nil,
                        models: [ModelSpec] = []) -> ResolvedConfig {
        var project = ProjectSpec(name: "p")
        project.gateway = GatewaySettings(service: gatewayService, adminURL: "http://127.0.0.1:8001", mode: mode)
        project.discovery = DiscoverySettings(address: "http://127.0.0.1:8500")
        if !models.isEmpty { project.modelServer = ModelServerSettings(url: "http://127.0.0.1:11434", models: models) }
        return ResolvedConfig(project: project, profiles: [], services: services, networks: [], volumes: [])
    }

    /// The running containers of `config`, as a successful apply leaves them.
    private func converged(_ config: ResolvedConfig) -> [ObservedContainer] {
        let planner = Planner(config: config)
        return config.services.map { service in
            let fingerprint = planner.fingerprint(of: service)
            return ObservedContainer(id: "id-\(service.name)" + String(repeating: "0", count: 20), name: "p-\(service.name)-1", image: service.image,
                                     labels: [OwnershipLabels.project: "p", OwnershipLabels.service: service.name, OwnershipLabels.replica: "1",
                                              OwnershipLabels.configFields: fingerprint.fieldsLabel, OwnershipLabels.configHash: fingerprint.hash],
                                     state: .running, health: .none, created: 100, status: "Up")
        }
    }

    private func registration(_ config: ResolvedConfig) -> DiscoveryRegistration {
        IntegrationState(config: config, fingerprintKey: nil).registrations[0]
    }

    func testAColdStartRegistersAfterTheContainerAndCreatesTheGatewayEntitiesInOrder() {
        let desired = config([api()])
        var observed = ObservedState()
        observed.integrations = ObservedIntegrations(gateway: ObservedGateway(services: [], routes: []), registrations: [])
        let plan = Planner(config: desired).plan(observed)
        XCTAssertEqual(plan.graphText, """
            [] -> #0 create service api (container p-api-1): not found
            [0] -> #1 create gateway service p-api: not found
            [0, 1] -> #2 create gateway route p-api-api: not found
            [0] -> #3 register registration p-api: not registered

            """)
        XCTAssertEqual(plan.text, """
            create service api (container p-api-1): not found
                + image img:1
                + ports 127.0.0.1:18080->8000/tcp
            create gateway service p-api: not found
                + url http://api:8000
            create gateway route p-api-api: not found
                + paths /api
            register registration p-api: not registered
                + name api
                + address 127.0.0.1:18080

            """)
        XCTAssertEqual(plan.steps[1].action, .upsertGatewayService(name: "p-api", url: "http://api:8000", tags: tags, exists: false))
        XCTAssertEqual(plan.steps[3].action, .register(registration(desired), exists: false), "the exact registration it sends")

        // A check runs against the published loopback port.
        var checked = api()
        checked.discovery?.check = DiscoveryCheck(kind: .http(path: "/health"), interval: .seconds(10), timeout: .seconds(2))
        XCTAssertEqual(registration(config([checked])).checkTarget, "http://127.0.0.1:18080/health")
        checked.discovery?.check?.kind = .tcp
        XCTAssertEqual(registration(config([checked])).checkTarget, "127.0.0.1:18080")
        XCTAssertNotEqual(registration(config([checked])).meta["sutactl-check-hash"], registration(desired).meta["sutactl-check-hash"],
                          "a changed check is a changed registration")
    }

    func testUnchangedIntegrationsPlanNothingAndChangedOnesShowTheirValues() {
        let desired = config([api(routes: ["/v2"])])
        let wanted = registration(desired)
        var observed = ObservedState(containers: converged(desired))
        observed.integrations = ObservedIntegrations(
            gateway: ObservedGateway(
                services: [ObservedGatewayService(id: "s1", name: "p-api", protocol: "http", host: "api", port: 8001, path: nil, tags: tags),
                           ObservedGatewayService(id: "s2", name: "p-old", protocol: "http", host: "old", port: 80, path: nil, tags: tags)],
                routes: [ObservedGatewayRoute(id: "r1", name: "p-api-api", paths: ["/api"], methods: ["GET"], hosts: [], stripPath: true,
                                              tags: tags, serviceID: "s1"),
                         ObservedGatewayRoute(id: "r2", name: "p-old", paths: ["/old"], methods: [], hosts: [], stripPath: true,
                                              tags: tags, serviceID: "s2")]),
            registrations: [ObservedRegistration(id: wanted.id, name: wanted.name, tags: wanted.tags, meta: wanted.meta,
                                                 address: "127.0.0.1", port: 18081),
                            ObservedRegistration(id: "p-gone", name: "gone", tags: [], meta: [:], address: "127.0.0.1", port: 9)])
        let plan = Planner(config: desired).plan(observed)
        XCTAssertEqual(plan.graphText, """
            [] -> #0 remove gateway route p-api-api: no longer declared
            [] -> #1 remove gateway route p-old: no longer declared
            [] -> #2 update gateway service p-api: changed: url
            [2] -> #3 create gateway route p-api-v2: not found
            [1] -> #4 remove gateway service p-old: no longer declared
            [] -> #5 update registration p-api: changed: address
            [] -> #6 deregister registration p-gone: no longer declared

            """)
        XCTAssertEqual(plan.steps[2].changes.map(\.text), ["~ url http://api:8001 -> http://api:8000"])
        XCTAssertEqual(plan.steps[5].changes.map(\.text), ["~ address 127.0.0.1:18081 -> 127.0.0.1:18080"])
        XCTAssertEqual(plan.steps[0].action, .removeGatewayRoute(name: "p-api-api", id: "r1"))

        // As the manifests want it: nothing to do, nothing pending.
        observed.integrations?.gateway = ObservedGateway(
            services: [ObservedGatewayService(id: "s1", name: "p-api", protocol: "http", host: "api", port: 8000, path: nil, tags: tags.reversed())],
            routes: [ObservedGatewayRoute(id: "r3", name: "p-api-v2", paths: ["/v2"], methods: ["GET"], hosts: [], stripPath: true,
                                          tags: tags, serviceID: "s1")])
        observed.integrations?.registrations = [ObservedRegistration(id: wanted.id, name: wanted.name, tags: wanted.tags, meta: wanted.meta,
                                                                     address: "127.0.0.1", port: 18080)]
        let none = Planner(config: desired).plan(observed)
        XCTAssertEqual(none.steps, [])
        XCTAssertEqual(none.text, "no changes: 1 services up to date\n")
    }

    func testDBLessLoadsOneMergedDocumentThatKeepsOtherOwnersEntities() throws {
        let desired = config([api()], mode: .dbless)
        var observed = ObservedState()
        observed.integrations = ObservedIntegrations(
            gateway: ObservedGateway(services: [], routes: [], document: """
                _format_version: "3.0"
                services:
                - {id: s9, name: billing, host: billing, port: 80, protocol: http, tags: [team-billing]}
                plugins:
                - {id: p1, name: cors}
                """),
            registrations: [])
        let plan = Planner(config: desired).plan(observed)
        XCTAssertEqual(plan.graphText, """
            [] -> #0 create service api (container p-api-1): not found
            [0] -> #1 load gateway configuration: 2 entities changed
            [0] -> #2 register registration p-api: not registered

            """)
        XCTAssertEqual(plan.steps[1].changes.map(\.text), ["+ service p-api.url http://api:8000", "+ route p-api-api.paths /api"])
        guard case .loadGatewayConfig(let text) = plan.steps[1].action else { return XCTFail("\(plan.steps[1].action)") }
        let document = try ConfigValue(yaml: text, file: "document")
        guard case .array(let services)? = document["services"], case .array(let plugins)? = document["plugins"] else { return XCTFail(text) }
        XCTAssertEqual(services.compactMap { $0["name"]?.stringValue }, ["billing", "p-api"])
        XCTAssertEqual(plugins.count, 1, "another owner's plugin stays")
    }

    func testAGatewayWhoseContainerThisPlanChangesIsPlannedOnTheNextLook() {
        var kong = ServiceSpec(name: "kong", location: here, image: "kong:3")
        kong.ports = [PortMapping(hostIP: "127.0.0.1", hostPort: 8001, containerPort: 8001, transport: .tcp, location: here)]
        let desired = config([api(), kong], gatewayService: "kong")
        var observed = ObservedState()
        observed.integrations = ObservedIntegrations(registrations: [], unreadable: ["kong": "listing gateway services failed: connection refused"])
        let plan = Planner(config: desired).plan(observed)
        XCTAssertFalse(plan.steps.contains { $0.action.dependency == "kong" })
        XCTAssertEqual(plan.pending, ["gateway: planned once service kong runs (this plan changes its container)"])
        XCTAssertEqual(plan.awaiting, ["kong"])
        XCTAssertEqual(plan.problems, [], "not reachable yet is not a problem while its container is being made")
        XCTAssertTrue(plan.text.contains("pending: gateway: planned once service kong runs"), plan.text)

        // Readable (a gateway outside the container, as the stand-ins are): planned now, after
        // kong's container, and looked at again once kong runs.
        observed.integrations?.gateway = ObservedGateway(services: [], routes: [])
        let now = Planner(config: desired).plan(observed)
        XCTAssertEqual(now.graphText, """
            [] -> #0 create service api (container p-api-1): not found
            [] -> #1 create service kong (container p-kong-1): not found
            [0, 1] -> #2 create gateway service p-api: not found
            [0, 1, 2] -> #3 create gateway route p-api-api: not found
            [0] -> #4 register registration p-api: not registered

            """)
        XCTAssertEqual(now.pending, ["gateway: looked at again once service kong runs (this plan changes its container)"])

        // Once kong runs as declared, an unreadable gateway is a problem, not a pending part.
        observed.integrations?.gateway = nil
        observed.containers = converged(desired)
        let later = Planner(config: desired).plan(observed)
        XCTAssertEqual(later.pending, [])
        XCTAssertEqual(later.problems, ["listing gateway services failed: connection refused"])
    }

    func testModelsArePulledThenLoadedByWhatTheyCanDo() {
        let models = [ModelSpec(name: "tinyllama", preload: true, keepAlive: "5m"), ModelSpec(name: "nomic-embed-text", preload: true),
                      ModelSpec(name: "llava", preload: true), ModelSpec(name: "phi3", preload: true, keepAlive: "0")]
        let desired = config([], models: models)
        var observed = ObservedState()
        observed.integrations = ObservedIntegrations(models: [
            ObservedModel(name: "tinyllama", present: false, loaded: false),
            ObservedModel(name: "nomic-embed-text", present: true, loaded: false, capabilities: ["embedding"]),
            ObservedModel(name: "llava", present: true, loaded: false, capabilities: ["vision"]),
            ObservedModel(name: "phi3", present: true, loaded: false, capabilities: ["completion"]),
        ])
        observed.integrations?.gateway = ObservedGateway(services: [], routes: [])
        observed.integrations?.registrations = []
        let plan = Planner(config: desired).plan(observed)
        XCTAssertEqual(plan.graphText, """
            [] -> #0 pull model tinyllama: not on the model server
            [] -> #1 preload model nomic-embed-text: not loaded (keep_alive 5m, through embed)

            """)
        XCTAssertEqual(plan.steps[1].action, .preloadModel(name: "nomic-embed-text", method: .embed, keepAlive: "5m"))
        XCTAssertEqual(plan.pending, ["model tinyllama: preloaded once pulled (what it can do decides how)"])
        XCTAssertEqual(plan.problems, ["preloading llava skipped: the server says it can do vision, neither generate (completion) nor embed (embedding)"])
    }

    func testAHeldCrashLoopingServiceKeepsItsRoutesAndRegistration() {
        var agent = api()
        agent.supervised = true
        let desired = config([agent])
        let wanted = registration(desired)
        var containers = converged(desired)
        containers[0].state = .exited
        var observed = ObservedState(containers: containers,
                                     supervision: ["api": SupervisionRecord(restarts: [400, 700, 900], crashLooping: true, lastReason: "3 restarts within 10m")])
        observed.integrations = ObservedIntegrations(
            gateway: ObservedGateway(
                services: [ObservedGatewayService(id: "s1", name: "p-api", protocol: "http", host: "api", port: 8000, path: nil, tags: tags)],
                routes: [ObservedGatewayRoute(id: "r1", name: "p-api-api", paths: ["/api"], methods: ["GET"], hosts: [], stripPath: true,
                                              tags: tags, serviceID: "s1")]),
            registrations: [ObservedRegistration(id: wanted.id, name: wanted.name, tags: wanted.tags, meta: wanted.meta, address: "127.0.0.1",
                                                 port: 18080)])
        let plan = Planner(config: desired, options: PlanOptions(now: 1000)).plan(observed)
        XCTAssertEqual(plan.steps, [], plan.graphText)
        XCTAssertEqual(plan.held, ["api": "3 restarts within 10m"])
        XCTAssertTrue(plan.text.contains("held service api: crash-looping (3 restarts within 10m); left as it is (its routes and registration too)"),
                      plan.text)
    }
}
