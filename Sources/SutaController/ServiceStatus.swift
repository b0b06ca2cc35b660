#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaPlan

/// One service's line in `status`.
public struct ServiceStatus: Sendable, Equatable {
    public var name: String
    public var inProfile: Bool
    /// A container of a service the manifests no longer declare.
    public var orphan = false
    /// Containers running (and healthy, where there is a healthcheck), and replicas desired.
    public var ready = 0
    public var desired = 0
    /// The container's state (`running`, `exited`, ...), or `missing`.
    public var state: String
    /// `healthy`, `unhealthy`, `starting`, or `none` without a healthcheck.
    public var health: String
    public var containerID: String?
    /// `127.0.0.1:10000->5432/tcp`.
    public var ports: [String]
    public var startedAt: Date?
    public var restarts: Int
    /// The container differs from the manifests (config, missing, stopped), or should not run.
    public var drifted: Bool
    public var driftReason: String?
    /// sutactl's own probe of the published port, when the healthcheck is HTTP or TCP and
    /// the port is published.
    public var probe: ProbeHistory.Entry?
    /// Restarts sutactl made and whether it gave up (supervised services).
    public var supervision: SupervisionRecord?
}
