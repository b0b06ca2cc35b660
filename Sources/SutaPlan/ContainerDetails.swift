#if canImport(FoundationEssentials)
import FoundationEssentials
#else
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#endif

/// What `status` shows of a running container beyond the listing, from the inspection that
/// also reads its live limits (one inspection per container per look).
public struct ContainerDetails: Sendable, Hashable {
    /// A published port as the engine bound it.
    public struct Binding: Sendable, Hashable {
        public var hostIP: String
        public var hostPort: Int
        public var containerPort: Int
        public var transport: String

        public init(hostIP: String, hostPort: Int, containerPort: Int, transport: String) {
            self.hostIP = hostIP
            self.hostPort = hostPort
            self.containerPort = containerPort
            self.transport = transport
        }
    }

    public var startedAt: Date?
    public var restartCount: Int
    public var ports: [Binding]

    public init(startedAt: Date?, restartCount: Int, ports: [Binding]) {
        self.startedAt = startedAt
        self.restartCount = restartCount
        self.ports = ports
    }
}
