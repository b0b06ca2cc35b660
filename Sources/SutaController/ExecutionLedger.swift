import SutaPlan

/// The executor's shared book-keeping: step outcomes and the containers of each service.
actor ExecutionLedger {
    private var finished: [Int: StepOutcome] = [:]
    private var containersByService: [String: [String]] = [:]
    /// The first engine-unreachable error of the run, once a step or a wait met one.
    private(set) var engineLost: String?

    init(observed: ObservedState, project: String) {
        // A previous generation (kept by a rollout) is not what dependents wait for.
        for container in observed.containers(of: project) where container.state != .dead && container.state != .removing
            && !container.isPreviousGeneration {
            if let service = container.service { containersByService[service, default: []].append(container.id) }
        }
    }

    func outcomes(of ids: [Int]) -> [StepOutcome] { ids.compactMap { finished[$0] } }
    func finish(_ id: Int, _ outcome: StepOutcome) { finished[id] = outcome }
    func containers(of service: String) -> [String] { containersByService[service] ?? [] }
    func record(_ id: String, service: String) {
        if !(containersByService[service] ?? []).contains(id) { containersByService[service, default: []].append(id) }
    }
    func forget(_ id: String, service: String) { containersByService[service]?.removeAll { $0 == id } }
    func loseEngine(_ message: String) { engineLost = engineLost ?? message }
    private var warnings: [String] = []
    func warn(_ message: String) { warnings.append(message) }

    var result: ExecutionResult { ExecutionResult(outcomes: finished, containers: containersByService, engineLost: engineLost, warnings: warnings) }
}
