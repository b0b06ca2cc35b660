import SutaClients

/// Reads the project's swarm services for the waits of one execution (a dependency's condition,
/// a removed service's tasks stopping): at most one read of each kind (two requests) per 150 ms,
/// however many steps wait; a waiter that comes while a read is under way shares it.
actor SwarmServiceReader {
    private let driver: SwarmEngineDriver
    private let project: String
    private var last: (at: ContinuousClock.Instant, states: [String: SwarmServiceState]?)?
    private var reading: Task<[String: SwarmServiceState]?, Never>?
    private var lastTasks: (at: ContinuousClock.Instant, tasks: (tasks: [SwarmTask], readyNodes: Set<String>)?)?
    private var readingTasks: Task<(tasks: [SwarmTask], readyNodes: Set<String>)?, Never>?

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

    /// Whether every task of the removed swarm service `id` on a node that is up has stopped (a
    /// node that is down stops its tasks when it comes back); nil when it cannot be read.
    func tasksStopped(ofService id: String) async -> Bool? {
        let read: (tasks: [SwarmTask], readyNodes: Set<String>)?
        if let lastTasks, ContinuousClock.now - lastTasks.at < .milliseconds(150) {
            read = lastTasks.tasks
        } else if let readingTasks {
            read = await readingTasks.value
        } else {
            let (driver, project) = (self.driver, self.project)
            let task = Task { try? await driver.projectTasks(project: project) }
            readingTasks = task
            read = await task.value
            lastTasks = (ContinuousClock.now, read)
            readingTasks = nil
        }
        return read.map { read in
            !read.tasks.contains { $0.serviceID == id && read.readyNodes.contains($0.nodeID) && !SwarmTask.stoppedStates.contains($0.state) }
        }
    }
}
