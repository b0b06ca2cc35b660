import Foundation

/// What `status` shows of a running container beyond the listing.
public struct ContainerDetails: Sendable, Equatable {
    /// A published port as the engine bound it.
    public struct Binding: Sendable, Equatable {
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
