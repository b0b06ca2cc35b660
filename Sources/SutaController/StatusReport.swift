import Foundation

/// What `status` shows: the project, its profile, the engine, and each service.
public struct StatusReport: Sendable {
    public var project: String
    public var profile: String
    public var engine: String
    public var services: [ServiceStatus]
}
