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

    public init(config: ResolvedConfig, breakers: CircuitBreakerRegistry, dryRun: Bool, report: @escaping @Sendable (String) -> Void) {
        self.config = config
        self.breakers = breakers
        self.dryRun = dryRun
        self.report = report
    }

    /// What a sync did: the changes made (or planned), and what could not be done.
    public struct Outcome: Sendable, Equatable {
        public var changes: [String] = []
        public var failures: [String] = []
    }

    public func run() async -> Outcome {
        var outcome = Outcome()
        await syncModels(&outcome)
        return outcome
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
            if model.preload && !loaded.contains(where: { OllamaModelName.same($0.name, model.name) }) {
                let keepAlive = model.keepAlive ?? "5m"
                outcome.changes.append("preload model \(model.name) (keep_alive \(keepAlive))")
                if !dryRun {
                    if await guarded("ollama", "preloading \(model.name)", &outcome, { try await client.preload(model.name, keepAlive: keepAlive) }) != nil {
                        report("model \(model.name): loaded (keep_alive \(keepAlive))")
                    }
                }
            }
        }
    }

    /// The declared models as the server has them (for `status`); nil when no model server
    /// is configured or it cannot be asked.
    public func modelReports() async -> [ModelReport]? {
        guard let server = config.project.modelServer, let url = server.url, !server.models.isEmpty,
              let endpoint = try? HTTPEndpointParsing.endpoint(url) else { return nil }
        let client = OllamaClient(endpoint: endpoint)
        var outcome = Outcome()
        guard let present = await guarded("ollama", "listing models", &outcome, { try await client.tags() }),
              let loaded = await guarded("ollama", "listing loaded models", &outcome, { try await client.loaded() }) else { return nil }
        return server.models.map { model in
            let found = present.first { OllamaModelName.same($0.name, model.name) }
            return ModelReport(name: model.name, present: found != nil, loaded: loaded.contains { OllamaModelName.same($0.name, model.name) },
                               sizeBytes: found?.size, preload: model.preload)
        }
    }
}
