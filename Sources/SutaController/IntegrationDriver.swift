import SutaModel
import SutaPlan

/// What the executor needs from the gateway, the discovery agent and the model server, and
/// what the controller reads from them before planning. ``IntegrationClients`` is the real
/// one (Kong, Consul and Ollama behind their circuit breakers).
public protocol IntegrationDriver: Sendable {
    /// Reads, for the active profile, what the configured dependencies hold.
    func observe() async -> ObservedIntegrations
    func upsertGatewayService(name: String, url: String, tags: [String]) async throws
    func upsertGatewayRoute(_ route: GatewayRoute, service: String, tags: [String]) async throws
    func removeGatewayRoute(id: String) async throws
    func removeGatewayService(id: String) async throws
    /// Loads a DB-less node's whole configuration.
    func loadGatewayConfig(text: String) async throws
    func register(_ registration: DiscoveryRegistration) async throws
    func deregister(id: String) async throws
    /// Pulls a model; `progress` hears `45%` as the download goes.
    func pullModel(_ name: String, progress: @escaping @Sendable (String) -> Void) async throws
    func preloadModel(_ name: String, method: ModelPreload, keepAlive: String) async throws
}
