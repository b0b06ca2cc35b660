/// Reads the project's swarm services for the dependency waits of one execution: at most once
/// per 150 ms (two requests), however many steps wait.
actor SwarmServiceReader {
    private let driver: SwarmEngineDriver
    private let project: String
    private var read: (at: ContinuousClock.Instant, states: [String: SwarmServiceState])?

    init(driver: SwarmEngineDriver, project: String) {
        self.driver = driver
        self.project = project
    }

    /// The manifests' service `service` as the swarm runs it now; nil when it cannot be read
    /// or is not there.
    func state(of service: String) async -> SwarmServiceState? {
        if let read, ContinuousClock.now - read.at < .milliseconds(150) { return read.states[service] }
        guard let found = try? await driver.serviceStates(project: project) else { return nil }
        let states = SwarmServiceState.byService(found, nodes: [])
        read = (ContinuousClock.now, states)
        return states[service]
    }
}
