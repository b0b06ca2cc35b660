import SutaPlan

/// A container's state at one moment, as the executor waits on it.
public struct ContainerStatus: Sendable, Equatable {
    public var state: ObservedContainer.State
    public var health: ObservedContainer.Health
    public var exitCode: Int
    /// The container's name (without the leading `/`), when the engine said.
    public var name: String?
    /// What the last health check printed, when there was one.
    public var lastHealthOutput: String?

    public init(state: ObservedContainer.State, health: ObservedContainer.Health, exitCode: Int, name: String? = nil,
                lastHealthOutput: String? = nil) {
        self.state = state
        self.health = health
        self.exitCode = exitCode
        self.name = name
        self.lastHealthOutput = lastHealthOutput
    }
}
