import Foundation
import SutaClients
import SutaModel
import SutaPlan

/// Brings the model server (and, with their clients, the gateway and discovery agent) in
/// line with the manifests, every call behind the dependency's circuit breaker. With
/// `dryRun` it only says what it would change.
public struct IntegrationSync: Sendable {
    public var config: ResolvedConfig
    public var breakers: CircuitBreakerRegistry
    public var dryRun: Bool
    /// Says what is being changed, as it happens.
    public var report: @Sendable (String) -> Void
    /// Keys the config hash in registrations' meta, as in container labels.
    public var fingerprintKey: FingerprintKey?

    public init(config: ResolvedConfig, breakers: CircuitBreakerRegistry, dryRun: Bool, fingerprintKey: FingerprintKey? = nil,
                report: @escaping @Sendable (String) -> Void) {
        self.config = config
        self.breakers = breakers
        self.dryRun = dryRun
        self.fingerprintKey = fingerprintKey
        self.report = report
    }

    /// What a sync did: the changes made (or planned), and what could not be done.
    public struct Outcome: Sendable, Equatable {
        public var changes: [String] = []
        public var failures: [String] = []

        public init() {}
    }

    public func run() async -> Outcome {
        var outcome = Outcome()
        let desired = IntegrationState(config: config, fingerprintKey: fingerprintKey)
        outcome.failures += desired.problems
        await syncGateway(desired, &outcome)
        await syncDiscovery(desired, &outcome)
        await syncModels(&outcome)
        return outcome
    }

    /// Gateway services and routes tagged as the project's. Reads work in both of Kong's
    /// modes, so the difference is computed the same way; when there is one, DB-less reads
    /// the node's whole configuration and loads it back with the project's entities swapped
    /// for the desired ones and everything else kept (``GatewayConfigMerge``: `POST /config`
    /// replaces a node's whole configuration), as text so Kong's `check_hash` recognises an
    /// unchanged one; database mode writes entity by entity, owned ones only.
    private func syncGateway(_ desired: IntegrationState, _ outcome: inout Outcome) async {
        guard let gateway = config.project.gateway, let url = gateway.adminURL, isActive(service: gateway.service),
              let endpoint = try? HTTPEndpointParsing.endpoint(url) else { return }
        let client = KongAdminClient(endpoint: endpoint)
        let tags = ["sutactl", IntegrationState.ownerTag(project: config.project.name)]
        guard let services = await guarded("kong", "listing gateway services", &outcome, { try await client.listServices(tag: tags[1]) }),
              let routes = await guarded("kong", "listing gateway routes", &outcome, { try await client.listRoutes(tag: tags[1]) }) else { return }
        var changes: [String] = []
        var writes: [@Sendable () async throws -> Void] = []
        let wantedRoutes = Set(desired.gatewayServices.flatMap { $0.routes.map(\.name) })
        for route in routes where !wantedRoutes.contains(route.name ?? "") {
            changes.append("delete gateway route \(route.name ?? route.id)")
            writes.append { try await client.deleteRoute(route.id) }
        }
        for service in desired.gatewayServices {
            let body = KongServiceBody(url: service.url, tags: tags)
            let existing = services.first { $0.name == service.name }
            if existing == nil || !existing!.matches(body) {
                changes.append("\(existing == nil ? "create" : "update") gateway service \(service.name) -> \(service.url)")
                writes.append { try await client.upsertService(name: service.name, body) }
            }
            for route in service.routes {
                let routeBody = KongRouteBody(paths: route.paths, methods: route.methods, hosts: route.hosts, stripPath: route.stripPath, tags: tags)
                let current = routes.first { $0.name == route.name }
                if current == nil || existing == nil || !current!.matches(routeBody, serviceID: existing!.id) {
                    changes.append("\(current == nil ? "create" : "update") gateway route \(route.name) \(route.paths.joined(separator: ","))")
                    writes.append { try await client.upsertRoute(name: route.name, serviceName: service.name, routeBody) }
                }
            }
        }
        let wantedServices = Set(desired.gatewayServices.map(\.name))
        for service in services where !wantedServices.contains(service.name ?? "") {
            changes.append("delete gateway service \(service.name ?? service.id)")
            writes.append { try await client.deleteService(service.id) }
        }
        outcome.changes += changes
        guard !dryRun, !changes.isEmpty else { return }
        switch gateway.mode {
        case .dbless:
            let owned = KongDeclarativeConfig(services: desired.gatewayServices.map { service in
                KongDeclarativeService(name: service.name, body: KongServiceBody(url: service.url, tags: tags), routes: service.routes.map {
                    KongDeclarativeRoute(name: $0.name, body: KongRouteBody(paths: $0.paths, methods: $0.methods, hosts: $0.hosts,
                                                                          stripPath: $0.stripPath, tags: tags))
                })
            })
            guard let exported = await guarded("kong", "reading the gateway configuration", &outcome, { try await client.exportDeclarativeConfig() })
            else { return }
            let text: String
            do {
                text = try GatewayConfigMerge(ownerTag: tags[1]).merged(exported: exported, owned: try owned.jsonBytes())
            } catch {
                outcome.failures.append("applying the gateway configuration failed: \(error)")
                return
            }
            if await guarded("kong", "applying the gateway configuration", &outcome, { try await client.applyDeclarativeConfig(text: text) }) != nil {
                report("gateway: configuration applied (\(desired.gatewayServices.count) services)")
            }
        case .database:
            for (change, write) in zip(changes, writes) {
                if await guarded("kong", change, &outcome, write) != nil { report("gateway: \(change)") }
            }
        }
    }

    /// Registrations with the discovery agent, owned through their meta; the ACL token
    /// comes from the variable the Project names and is never printed.
    private func syncDiscovery(_ desired: IntegrationState, _ outcome: inout Outcome) async {
        guard let discovery = config.project.discovery, let url = discovery.address, isActive(service: discovery.service),
              let endpoint = try? HTTPEndpointParsing.endpoint(url) else { return }
        let token = discovery.tokenEnv.flatMap { ProcessInfo.processInfo.environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        let client = ConsulClient(endpoint: endpoint, token: token)
        guard let registered = await guarded("consul", "listing registrations", &outcome, { try await client.services() }) else { return }
        let owned = registered.values.filter { $0.meta[IntegrationState.ownerMetaKey] == config.project.name }
        for registration in desired.registrations {
            let body = ConsulServiceRegistration(
                id: registration.id, name: registration.name, tags: registration.tags, meta: registration.meta,
                address: registration.address, port: registration.port,
                check: registration.check.map { check in
                    switch check {
                    case .http(let url, let interval, let timeout): .http(url, interval: interval, timeout: timeout)
                    case .tcp(let address, let interval, let timeout): .tcp(address, interval: interval, timeout: timeout)
                    }
                })
            if let current = registered[registration.id], current.matches(body) { continue }
            let change = "\(registered[registration.id] == nil ? "register" : "update registration of") \(registration.name) (\(registration.id)) on 127.0.0.1:\(registration.port)"
            outcome.changes.append(change)
            if !dryRun, await guarded("consul", change, &outcome, { try await client.register(body) }) != nil { report("discovery: \(change)") }
        }
        let wanted = Set(desired.registrations.map(\.id))
        for stale in owned.sorted(by: { $0.id < $1.id }) where !wanted.contains(stale.id) {
            let change = "deregister \(stale.service) (\(stale.id))"
            outcome.changes.append(change)
            if !dryRun, await guarded("consul", change, &outcome, { try await client.deregister(id: stale.id) }) != nil { report("discovery: \(change)") }
        }
    }

    /// The dependency is part of this run: configured, and its service (if it is one of the
    /// project's) active in the profile.
    func isActive(service: String?) -> Bool {
        guard let service else { return true }
        return config.services.contains { $0.name == service }
    }

    /// Calls `body` through the named breaker; an open breaker or a failure becomes a line in
    /// `outcome.failures` and nil.
    func guarded<T>(_ dependency: String, _ what: String, _ outcome: inout Outcome, _ body: () async throws -> T) async -> T? {
        do {
            return try await breakers.breaker(dependency).run(body)
        } catch let open as CircuitBreakerOpen {
            let until = open.retryAt.map { " until \(ISO8601DateFormatter().string(from: $0))" } ?? ""
            outcome.failures.append("\(what) skipped: the \(dependency) circuit breaker is \(open.state.rawValue)\(until)")
        } catch {
            outcome.failures.append("\(what) failed: \(error)")
        }
        return nil
    }

    private func syncModels(_ outcome: inout Outcome) async {
        guard let server = config.project.modelServer, let url = server.url, !server.models.isEmpty, isActive(service: server.service),
              let endpoint = try? HTTPEndpointParsing.endpoint(url) else { return }
        let client = OllamaClient(endpoint: endpoint)
        guard let present = await guarded("ollama", "listing models", &outcome, { try await client.tags() }),
              let loaded = await guarded("ollama", "listing loaded models", &outcome, { try await client.loaded() }) else { return }
        for model in server.models {
            if !present.contains(where: { OllamaModelName.same($0.name, model.name) }) {
                outcome.changes.append("pull model \(model.name)")
                if !dryRun {
                    report("model \(model.name): pulling…")
                    let reporter = report
                    let pulled: Void? = await guarded("ollama", "pulling \(model.name)", &outcome) {
                        try await client.pull(model.name) { progress in
                            if let total = progress.total, let completed = progress.completed, total > 0 {
                                reporter("model \(model.name): \(progress.status) \(completed * 100 / total)%")
                            }
                        }
                    }
                    if pulled == nil { continue }
                    report("model \(model.name): pulled")
                }
            }
            if ModelPreload.isNeeded(model, loaded: loaded.contains(where: { OllamaModelName.same($0.name, model.name) })) {
                let keepAlive = model.keepAlive ?? "5m"
                outcome.changes.append("preload model \(model.name) (keep_alive \(keepAlive))")
                guard !dryRun, let capabilities = await guarded("ollama", "reading what \(model.name) can do", &outcome, {
                    try await client.capabilities(of: model.name)
                }) else { continue }
                let loadedNow: Void?
                switch ModelPreload.method(capabilities: capabilities) {
                case .generate?: loadedNow = await guarded("ollama", "preloading \(model.name)", &outcome) { try await client.preload(model.name, keepAlive: keepAlive) }
                case .embed?: loadedNow = await guarded("ollama", "preloading \(model.name)", &outcome) { try await client.preloadEmbedding(model.name, keepAlive: keepAlive) }
                case nil:
                    outcome.failures.append("preloading \(model.name) skipped: the server says it can do \(capabilities.joined(separator: ", ")), "
                        + "neither generate (completion) nor embed (embedding)")
                    loadedNow = nil
                }
                if loadedNow != nil { report("model \(model.name): loaded (keep_alive \(keepAlive))") }
            }
        }
    }

    /// The declared models as the server has them (for `status`); nil when no model server
    /// is configured or it cannot be asked.
    public func modelReports() async -> (models: [ModelReport]?, failures: [String]) {
        guard let server = config.project.modelServer, let url = server.url, !server.models.isEmpty,
              let endpoint = try? HTTPEndpointParsing.endpoint(url) else { return (nil, []) }
        let client = OllamaClient(endpoint: endpoint)
        var outcome = Outcome()
        guard let present = await guarded("ollama", "listing models", &outcome, { try await client.tags() }),
              let loaded = await guarded("ollama", "listing loaded models", &outcome, { try await client.loaded() }) else {
            return (nil, outcome.failures)
        }
        let models = server.models.map { model in
            let found = present.first { OllamaModelName.same($0.name, model.name) }
            return ModelReport(name: model.name, present: found != nil, loaded: loaded.contains { OllamaModelName.same($0.name, model.name) },
                               sizeBytes: found?.size, preload: model.preload)
        }
        return (models, [])
    }
}
