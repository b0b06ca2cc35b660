/// Reads swarm services' states for the dependency waits of one execution: each service at
/// most once per 400 ms, however many steps wait for it.
actor SwarmServiceReader {
    private let driver: SwarmEngineDriver
    private var read: [String: (at: ContinuousClock.Instant, state: SwarmServiceState?)] = [:]

    init(driver: SwarmEngineDriver) {
        self.driver = driver
    }

    /// The swarm service `name` (the manifests' `service`) as it is now; nil when it cannot be
    /// read or is not there.
    func state(of name: String, service: String) async -> SwarmServiceState? {
        if let cached = read[name], ContinuousClock.now - cached.at < .milliseconds(400) { return cached.state }
        var state: SwarmServiceState?
        if let (found, tasks) = try? await driver.serviceState(name: name), let found {
            state = SwarmServiceState(service: service, found: found, tasks: tasks, nodes: [])
        }
        read[name] = (ContinuousClock.now, state)
        return state
    }
}
