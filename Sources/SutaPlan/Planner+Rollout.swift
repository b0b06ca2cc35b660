import SutaModel

extension Planner {
    /// The rollout of a running container's replacement: the service's policy, with the
    /// replicas in batches of `parallelism` (a replica waits for the one `parallelism` before it,
    /// and the batches after the first wait `delay`).
    func rolloutPlan(for service: ServiceSpec, replica: Int, earlier: [Int]) -> (plan: RolloutPlan, after: [Int]) {
        let policy = RolloutPolicy.effective(for: service, project: config.project.updateConfig)
        let parallelism = policy.parallelism ?? 1
        let batchEdge = earlier.count >= parallelism ? [earlier[earlier.count - parallelism]] : []
        let plan = RolloutPlan(order: policy.order ?? .stopFirst, failureAction: policy.failureAction ?? .rollback,
                               monitor: policy.monitor ?? .zero, delay: batchEdge.isEmpty ? .zero : policy.delay ?? .zero,
                               previousName: names.previousContainer(service: service.name, replica: replica),
                               healthGated: service.healthcheck.map { $0.probe != .disabled } ?? false)
        return (plan, batchEdge)
    }

    /// A previous-generation container left by an interrupted rollout (sutactl killed between
    /// renaming the old container and removing it): when the new one runs as the manifests
    /// say (and is healthy, where it has a health check) the rollout is finished forward by
    /// removing the previous one; otherwise it is undone: the new one goes and the previous
    /// one is back under its name, for the next look to roll out again.
    func interruptedRollout(previous: ObservedContainer, current: ObservedContainer?, service: ServiceSpec, name: String,
                            fingerprint: ConfigFingerprint) -> (action: PlanAction, cause: String, restores: Bool) {
        let checked = service.healthcheck.map { $0.probe != .disabled } ?? false
        if let current, ConfigDrift(recorded: current.labels[OwnershipLabels.configFields], desired: fingerprint).changed.isEmpty,
           current.state == .running, !checked || current.health == .healthy {
            return (.removeContainer(service: service.name, name: previous.name, containerID: previous.id, stopGrace: service.stopGracePeriod),
                    "rollout finished: the previous generation goes", false)
        }
        let why = current.map { "the new container is \($0.state.rawValue)\($0.health == .none ? "" : ", \($0.health.rawValue)")" }
            ?? "no new container"
        return (.restoreContainer(service: service.name, replica: previous.replica ?? 1, name: name, containerID: previous.id,
                                  failedID: current?.id, stopGrace: service.stopGracePeriod),
                "interrupted rollout undone (\(why))", true)
    }
}
