/// What the gateway, the discovery agent and the model server hold, read once before
/// planning. A dependency that is not configured (or not in the profile) is nil; one that
/// could not be read is nil with why in `unreadable`.
public struct ObservedIntegrations: Sendable, Hashable {
    public var gateway: ObservedGateway?
    /// The agent's registrations owned by the project.
    public var registrations: [ObservedRegistration]?
    /// The declared models.
    public var models: [ObservedModel]?
    /// `kong`, `consul`, `ollama` -> why it could not be read (`listing models failed: ...`).
    public var unreadable: [String: String]

    public init(gateway: ObservedGateway? = nil, registrations: [ObservedRegistration]? = nil, models: [ObservedModel]? = nil,
                unreadable: [String: String] = [:]) {
        self.gateway = gateway
        self.registrations = registrations
        self.models = models
        self.unreadable = unreadable
    }
}
