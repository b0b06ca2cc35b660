#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A container event of the project, as the controller reacts to it (engine mode swarm:
/// also a service or node event on the manager, `service update`, `node update`).
public struct EngineEvent: Sendable, Equatable {
    /// `die`, `destroy`, `stop`, `kill`, `oom`, `health_status: unhealthy`, ...
    public var action: String
    /// The container's ID (swarm: the service's or node's for their events).
    public var containerID: String
    /// The `sutactl.service` label of the container.
    public var service: String?
    /// When sutactl received it.
    public var received: ContinuousClock.Instant

    public init(action: String, containerID: String, service: String?, received: ContinuousClock.Instant) {
        self.action = action
        self.containerID = containerID
        self.service = service
        self.received = received
    }

    /// Events that can make reality differ from the manifests.
    public var needsReconcile: Bool {
        ["die", "destroy", "stop", "kill", "oom", "pause", "rename"].contains(action) || action.hasPrefix("health_status: unhealthy")
    }
}
