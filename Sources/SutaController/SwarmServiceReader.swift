/// Reads the project's swarm services for the dependency waits of one execution: at most one
/// read (two requests) per 150 ms, however many steps wait; a waiter that comes while a read is
/// under way shares it.
actor SwarmServiceReader {
    private let driver: SwarmEngineDriver
    private let project: String
    private var last: (at: ContinuousClock.Instant, states: [String: SwarmServiceState]?)?
    private var reading: Task<[String: SwarmServiceState]?, Never>?

    init(driver: SwarmEngineDriver, project: String) {
        self.driver = driver
        self.project = project
    }

    /// The manifests' service `service` as the swarm runs it now, with its ended tasks too (a
    /// dependency's task that completed or failed); nil when it cannot be read or is not there.
    func state(of service: String) async -> SwarmServiceState? {
        if let last, ContinuousClock.now - last.at < .milliseconds(150) { return last.states?[service] }
        if let reading { return await reading.value?[service] }
        let (driver, project) = (self.driver, self.project)
        let read = Task {
            (try? await driver.serviceStates(project: project, desiredRunning: false)).map { SwarmServiceState.byService($0, nodes: []) }
        }
        reading = read
        let states = await read.value
        last = (ContinuousClock.now, states)
        reading = nil
        return states?[service]
    }
}
