import SutaPlan

/// A container's state at one moment, as the executor waits on it.
public struct ContainerStatus: Sendable, Equatable {
    public var state: ObservedContainer.State
    public var health: ObservedContainer.Health
    public var exitCode: Int

    public init(state: ObservedContainer.State, health: ObservedContainer.Health, exitCode: Int) {
        self.state = state
        self.health = health
        self.exitCode = exitCode
    }
}
