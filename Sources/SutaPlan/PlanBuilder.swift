/// Accumulates plan steps with increasing ids.
struct PlanBuilder {
    private(set) var steps: [PlanStep] = []

    @discardableResult
    mutating func add(_ action: PlanAction, cause: String, after: [Int] = [], waitFor: [PlanStep.Wait] = [],
                      freeHostPorts: [HostPort] = [], changes: [FieldChange] = [], container: ContainerRequest? = nil,
                      image: ImageBuildRequest? = nil, rollout: RolloutPlan? = nil, refusal: String? = nil) -> Int {
        let id = steps.count
        var step = PlanStep(id: id, action: action, cause: cause, after: Array(Set(after)).sorted(), waitFor: waitFor,
                            freeHostPorts: freeHostPorts)
        step.changes = changes
        step.container = container
        step.image = image
        step.rollout = rollout
        step.refusal = refusal
        steps.append(step)
        return id
    }
}
