#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaClients
import SutaPlan

/// What `status` shows: the project, its profile, the engine, and each service.
public struct StatusReport: Sendable {
    public var project: String
    public var profile: String
    public var engine: String
    public var services: [ServiceStatus]
    /// The declared models as the model server has them; nil without a model server.
    public var models: [ObservedModel]?
    /// The declared models marked `preload`.
    public var preloaded: Set<String> = []
    /// Every circuit breaker of the project.
    public var breakers: [BreakerSnapshot]
    /// What could not be read (the model server unreachable or answering nonsense), one line each.
    public var failures: [String]
}
