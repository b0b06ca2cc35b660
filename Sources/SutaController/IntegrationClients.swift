import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaClients
import SutaModel
import SutaPlan

/// The gateway, discovery and model server clients of one project, every call behind the
/// dependency's circuit breaker. Reads cover the dependencies the profile uses; writes send
/// what the plan says, as it says it.
public struct IntegrationClients: IntegrationDriver {
    public var config: ResolvedConfig
    public var breakers: CircuitBreakerRegistry
    /// The discovery agent's ACL token (from the variable the Project names); never printed.
    public var discoveryToken: String?

    public init(config: ResolvedConfig, breakers: CircuitBreakerRegistry, environment: [String: String]) {
        self.config = config
        self.breakers = breakers
        discoveryToken = config.project.discovery?.tokenEnv.flatMap { environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
    }

    private var ownerTag: String { IntegrationState.ownerTag(project: config.project.name) }

    private func active(_ service: String?) -> Bool {
        guard let service else { return true }
        return config.services.contains { $0.name == service }
    }

    private var kong: KongAdminClient? {
        guard let gateway = config.project.gateway, let url = gateway.adminURL, active(gateway.service),
              let endpoint = try? HTTPEndpointParsing.endpoint(url) else { return nil }
        return KongAdminClient(endpoint: endpoint)
    }

    private var consul: ConsulClient? {
        guard let discovery = config.project.discovery, let url = discovery.address, active(discovery.service),
              let endpoint = try? HTTPEndpointParsing.endpoint(url) else { return nil }
        return ConsulClient(endpoint: endpoint, token: discoveryToken)
    }

    private var ollama: OllamaClient? {
        guard let server = config.project.modelServer, let url = server.url, !server.models.isEmpty, active(server.service),
              let endpoint = try? HTTPEndpointParsing.endpoint(url) else { return nil }
        return OllamaClient(endpoint: endpoint)
    }

    public func observe() async -> ObservedIntegrations {
        async let gateway = read("kong", "listing gateway services") { try await observeGateway() }
        async let registrations = read("consul", "listing registrations") { try await observeDiscovery() }
        async let models = read("ollama", "listing models") { try await observeModels() }
        var observed = ObservedIntegrations()
        for (dependency, result) in [("kong", await gateway.failure), ("consul", await registrations.failure), ("ollama", await models.failure)] {
            if let result { observed.unreadable[dependency] = result }
        }
        observed.gateway = await gateway.value ?? nil
        observed.registrations = await registrations.value ?? nil
        observed.models = await models.value ?? nil
        return observed
    }

    private func observeGateway() async throws -> ObservedGateway? {
        guard let kong, let gateway = config.project.gateway else { return nil }
        let services = try await breakers.breaker("kong").run { try await kong.listServices(tag: ownerTag) }
        let routes = try await breakers.breaker("kong").run { try await kong.listRoutes(tag: ownerTag) }
        let document = gateway.mode == .dbless ? try await breakers.breaker("kong").run { try await kong.exportDeclarativeConfig() } : nil
        return ObservedGateway(services: services, routes: routes, document: document)
    }

    private func observeDiscovery() async throws -> [ObservedRegistration]? {
        guard let consul else { return nil }
        let registered = try await breakers.breaker("consul").run { try await consul.services() }
        return registered.values.filter { $0.meta[IntegrationState.ownerMetaKey] == config.project.name }.sorted { $0.id < $1.id }
    }

    /// The declared models; what a model can do is read only where it may have to be loaded.
    private func observeModels() async throws -> [ObservedModel]? {
        guard let ollama, let server = config.project.modelServer else { return nil }
        let present = try await breakers.breaker("ollama").run { try await ollama.tags() }
        let loaded = try await breakers.breaker("ollama").run { try await ollama.loaded() }
        var models: [ObservedModel] = []
        for model in server.models {
            let found = present.first { OllamaModelName.same($0.name, model.name) }
            let isLoaded = loaded.contains { OllamaModelName.same($0.name, model.name) }
            var observed = ObservedModel(name: model.name, present: found != nil, loaded: isLoaded, sizeBytes: found?.size)
            if found != nil, ModelPreload.isNeeded(model, loaded: isLoaded) {
                observed.capabilities = try await breakers.breaker("ollama").run { try await ollama.capabilities(of: model.name) }
            }
            models.append(observed)
        }
        return models
    }

    /// A read's value, or why it failed: `listing models failed: ...`, or skipped while the
    /// dependency's breaker is open.
    private func read<T: Sendable>(_ dependency: String, _ what: String, _ body: () async throws -> T) async -> (value: T?, failure: String?) {
        do {
            return (try await body(), nil)
        } catch let open as CircuitBreakerOpen {
            let until = open.retryAt.map { " until \($0.formatted(.iso8601))" } ?? ""
            return (nil, "\(what) skipped: the \(dependency) circuit breaker is \(open.state.rawValue)\(until)")
        } catch {
            return (nil, "\(what) failed: \(error)")
        }
    }

    private func required<T>(_ client: T?, _ what: String) throws -> T {
        guard let client else { throw SutaError(.usage, "\(what) is not configured for this profile") }
        return client
    }

    public func upsertGatewayService(name: String, url: String, tags: [String]) async throws {
        let kong = try required(kong, "the gateway")
        _ = try await breakers.breaker("kong").run { try await kong.upsertService(name: name, KongServiceBody(url: url, tags: tags)) }
    }

    public func upsertGatewayRoute(_ route: GatewayRoute, service: String, tags: [String]) async throws {
        let kong = try required(kong, "the gateway")
        let body = KongRouteBody(paths: route.paths, methods: route.methods, hosts: route.hosts, stripPath: route.stripPath, tags: tags)
        _ = try await breakers.breaker("kong").run { try await kong.upsertRoute(name: route.name, serviceName: service, body) }
    }

    public func removeGatewayRoute(id: String) async throws {
        let kong = try required(kong, "the gateway")
        try await breakers.breaker("kong").run { try await kong.deleteRoute(id) }
    }

    public func removeGatewayService(id: String) async throws {
        let kong = try required(kong, "the gateway")
        try await breakers.breaker("kong").run { try await kong.deleteService(id) }
    }

    public func loadGatewayConfig(text: String) async throws {
        let kong = try required(kong, "the gateway")
        _ = try await breakers.breaker("kong").run { try await kong.applyDeclarativeConfig(text: text) }
    }

    public func register(_ registration: DiscoveryRegistration) async throws {
        let consul = try required(consul, "the discovery agent")
        let body = ConsulServiceRegistration(
            id: registration.id, name: registration.name, tags: registration.tags, meta: registration.meta,
            address: registration.address, port: registration.port,
            check: registration.check.map { check in
                switch check.kind {
                case .http: .http(registration.checkTarget, interval: check.interval, timeout: check.timeout)
                case .tcp: .tcp(registration.checkTarget, interval: check.interval, timeout: check.timeout)
                }
            })
        try await breakers.breaker("consul").run { try await consul.register(body) }
    }

    public func deregister(id: String) async throws {
        let consul = try required(consul, "the discovery agent")
        try await breakers.breaker("consul").run { try await consul.deregister(id: id) }
    }

    public func pullModel(_ name: String, progress: @escaping @Sendable (String) -> Void) async throws {
        let ollama = try required(ollama, "the model server")
        try await breakers.breaker("ollama").run {
            try await ollama.pull(name) { update in
                if let total = update.total, let completed = update.completed, total > 0 { progress("\(update.status) \(completed * 100 / total)%") }
            }
        }
    }

    public func preloadModel(_ name: String, method: ModelPreload, keepAlive: String) async throws {
        let ollama = try required(ollama, "the model server")
        switch method {
        case .generate: try await breakers.breaker("ollama").run { try await ollama.preload(name, keepAlive: keepAlive) }
        case .embed: try await breakers.breaker("ollama").run { try await ollama.preloadEmbedding(name, keepAlive: keepAlive) }
        }
    }
}
