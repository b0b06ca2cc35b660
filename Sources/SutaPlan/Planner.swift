import SutaModel

/// Desired state x observed state -> plan. Pure: no engine, no clock, no files.
public struct Planner: Sendable {
    public var config: ResolvedConfig
    public var options: PlanOptions

    public init(config: ResolvedConfig, options: PlanOptions = PlanOptions()) {
        self.config = config
        self.options = options
    }

    public var names: ResourceNames { ResourceNames(project: config.project.name) }

    /// The fingerprint a service's containers carry when they match the manifests, keyed with
    /// `options.fingerprintKey`.
    public func fingerprint(of service: ServiceSpec) -> ConfigFingerprint {
        service.fingerprint(networkName: names.network, volumeName: names.volume, key: options.fingerprintKey)
    }

    public func plan(_ observed: ObservedState) -> Plan {
        var builder = PlanBuilder()
        let project = config.project.name
        var conflicts: [PlanConflict] = []

        // Networks and volumes first: containers wait for them.
        var objectSteps: [String: Int] = [:]
        for network in config.networks {
            let name = names.network(network.name)
            if let existing = observed.networks.first(where: { $0.name == name }) {
                if existing.project != project { conflicts.append(PlanConflict(kind: "network", name: name, id: existing.id, owner: existing.project)) }
                continue
            }
            objectSteps["network:" + network.name] = builder.add(.createNetwork(network, name: name), cause: "not found")
        }
        for volume in config.volumes {
            let name = names.volume(volume.name)
            if let existing = observed.volumes.first(where: { $0.name == name }) {
                if existing.project != project { conflicts.append(PlanConflict(kind: "volume", name: name, id: existing.id, owner: existing.project)) }
                continue
            }
            objectSteps["volume:" + volume.name] = builder.add(.createVolume(volume, name: name), cause: "not found")
        }

        // Images first too: the containers of the services using them wait for their build.
        let builds = addBuilds(observed, to: &builder)
        let owned = observed.containers(of: project)
        var unchanged: [String] = []
        var unknown: [String] = []
        var requeue: [String: Double] = [:], held: [String: String] = [:]
        var restored: [String] = []
        var serviceSteps: [String: [Int]] = [:]
        var removals: [(container: ObservedContainer, cause: String, grace: Duration?)] = []
        for service in ContainerOrder.sorted(config.services) {
            let fingerprint = fingerprint(of: service)
            let prerequisites = service.networks.compactMap { objectSteps["network:" + $0.network] }
                + service.volumes.compactMap { $0.kind == .volume ? $0.source.flatMap { objectSteps["volume:" + $0] } : nil }
            let after = prerequisites + service.dependsOn.flatMap { serviceSteps[$0.service] ?? [] } + (builds[service.image].map { [$0] } ?? [])
            let waits = service.dependsOn.map { PlanStep.Wait(service: $0.service, condition: $0.condition) }
            let ports = service.ports.compactMap { mapping in
                mapping.hostPort.map { HostPort(hostIP: mapping.hostIP, port: $0, transport: mapping.transport.rawValue) }
            }
            let mine = owned.filter { $0.service == service.name }
            let settings = ServiceSettings(service: service, names: names)
            var changed = false
            var rollouts: [Int] = []
            for replica in 1...max(service.replicas, 1) where service.replicas > 0 {
                let name = names.container(service: service.name, replica: replica)
                if let foreign = observed.containers.first(where: { $0.name == name && $0.project != project }) {
                    conflicts.append(PlanConflict(kind: "container", name: name, id: foreign.id, owner: foreign.project))
                    changed = true
                    continue
                }
                let candidates = mine.filter { !$0.isPreviousGeneration && ($0.replica == replica || ($0.replica == nil && $0.name == name)) }
                let keep = ContainerOrder.best(candidates, fingerprint: fingerprint)
                if let previous = mine.first(where: { $0.isPreviousGeneration && $0.replica == replica }) {
                    let interrupted = interruptedRollout(previous: previous, current: keep, service: service, name: name, fingerprint: fingerprint)
                    let id = builder.add(interrupted.action, cause: interrupted.cause)
                    if interrupted.restores {
                        serviceSteps[service.name, default: []].append(id)
                        restored.append(service.name)
                        changed = true
                        continue
                    }
                }
                for duplicate in candidates where duplicate.id != keep?.id {
                    builder.add(.removeContainer(service: service.name, name: duplicate.name, containerID: duplicate.id,
                                                 stopGrace: service.stopGracePeriod),
                                cause: "duplicate of replica \(replica)")
                }
                let request = ContainerRequest(name: name, service: service, replica: replica, names: names, fingerprint: fingerprint)
                // Labels carry comparable hashes only: never `nokey` or an unset secret's placeholder.
                let refusal = fingerprint.unknownGroups.first.map { "cannot label container \(name): \($0)" }
                guard let current = keep else {
                    let attributes = settings.fields.filter { ServiceSettings.keyAttributePaths.contains($0.path) }
                    let id = builder.add(.createContainer(service: service.name, replica: replica, name: name), cause: "not found",
                                         after: after, waitFor: waits,
                                         changes: attributes.map { FieldChange(path: $0.path, before: nil, after: $0.value, secret: $0.secret) },
                                         container: request, refusal: refusal)
                    serviceSteps[service.name, default: []].append(id)
                    changed = true
                    continue
                }
                let drift = ConfigDrift(recorded: current.labels[OwnershipLabels.configFields], desired: fingerprint)
                if replica == 1 { unknown += drift.unknown.map { "service \(service.name): \($0)" } }
                if service.supervised, drift.changed.isEmpty, current.name == name {
                    let record = observed.supervision[service.name]
                    switch SupervisionDecision.decide(container: current, healthChecked: service.healthcheck.map { $0.probe != .disabled } ?? false,
                                                      record: record, policy: config.project.supervision, now: options.now) {
                    case .none: break
                    case .restart(let attempt):
                        let id = builder.add(.restartContainer(service: service.name, replica: replica, name: name, containerID: current.id,
                                                               stopGrace: service.stopGracePeriod, attempt: attempt),
                                             cause: "supervision: \(current.state == .running ? "unhealthy" : "container is \(current.state.rawValue)"), attempt \(attempt)")
                        serviceSteps[service.name, default: []].append(id)
                        changed = true
                        continue
                    case .wait(let after, _):
                        requeue[service.name] = min(requeue[service.name] ?? after, after)
                        changed = true
                        continue
                    case .hold(let reason):
                        if record?.crashLooping == true { held[service.name] = reason } else {
                            builder.add(.holdService(service: service.name, reason: reason), cause: "crash-looping: \(reason)")
                        }
                        changed = true
                        continue
                    }
                }
                var liveChanges: [FieldChange] = []
                if let step = containerStep(current, service: service, replica: replica, name: name, changed: drift.changed)
                    ?? liveRepair(current, service: service, name: name).map({ liveChanges = $0.changes; return ($0.action, $0.cause) }) {
                    let recreate = step.action.verb == "recreate"
                    let changes = recreate ? fieldChanges(settings, since: observed.applied[service.name], groups: drift.changed) : liveChanges
                    // An update changes limits in place: it waits for nothing.
                    let inPlace = step.action.verb == "update"
                    // A container is replaced by a rollout: kept until its replacement passes (a stopped one
                    // too: it may be one an interrupted apply stopped). A dead one has nothing to go back to.
                    let rollout = recreate && current.state != .dead ? rolloutPlan(for: service, replica: replica, earlier: rollouts) : nil
                    let id = builder.add(step.action, cause: step.cause, after: inPlace ? [] : after + (rollout?.after ?? []),
                                         waitFor: inPlace ? [] : waits, freeHostPorts: recreate ? ports : [], changes: changes,
                                         container: recreate ? request : nil, rollout: rollout?.plan, refusal: recreate ? refusal : nil)
                    if rollout != nil { rollouts.append(id) }
                    serviceSteps[service.name, default: []].append(id)
                    changed = true
                }
            }
            for extra in mine where (extra.replica ?? 1) > service.replicas {
                removals.append((extra, service.replicas == 0 ? "replicas is 0" : "scaled down to \(service.replicas)", service.stopGracePeriod))
                changed = true
            }
            if !changed { unchanged.append(service.name) }
        }

        let active = Set(config.services.map(\.name))
        var leftovers: Set<String> = [], orphans: Set<String> = []
        for container in owned.sorted(by: { $0.name < $1.name }) where !active.contains(container.service ?? "") {
            let service = container.service ?? container.name
            let orphan = !config.declaredServices.contains(service)
            if options.prune {
                removals.append((container, orphan ? "orphan: no longer in the manifests" : "not in the active profile", nil))
            } else if orphan {
                orphans.insert(service)
            } else {
                leftovers.insert(service)
            }
        }
        addRemovals(removals, to: &builder)
        // A network or volume goes once no container of the project can hold it: after every
        // container step (a rollout keeps the old container, attached, until its replacement
        // passes); not while a rollout is being undone (the restored container holds it).
        let containerSteps = builder.steps.filter { $0.action.service != nil && $0.action.dependency == nil }.map(\.id)
        if options.prune && restored.isEmpty {
            let wantedNetworks = Set(config.networks.map { names.network($0.name) })
            for network in observed.networks.sorted(by: { $0.name < $1.name }) where network.project == project && !wantedNetworks.contains(network.name) {
                builder.add(.removeNetwork(name: network.name, id: network.id), cause: "no longer desired", after: containerSteps)
            }
        }
        if options.prune && options.pruneVolumes && restored.isEmpty {
            let wantedVolumes = Set(config.volumes.map { names.volume($0.name) })
            for volume in observed.volumes.sorted(by: { $0.name < $1.name }) where volume.project == project && !wantedVolumes.contains(volume.name) {
                builder.add(.removeVolume(name: volume.name), cause: "no longer desired", after: containerSteps)
            }
        }
        var integration = IntegrationPlanner.Outcome()
        if let integrations = observed.integrations {
            integration = IntegrationPlanner(config: config, desired: IntegrationState(config: config, fingerprintKey: options.fingerprintKey),
                                             serviceSteps: serviceSteps).plan(integrations, into: &builder)
        }
        var plan = Plan(steps: builder.steps, conflicts: conflicts, unchanged: unchanged, leftovers: leftovers.sorted())
        plan.pending = restored.map { "service \($0): an interrupted rollout is undone; the next look rolls it out again" } + integration.pending
        plan.awaiting = restored + integration.awaiting
        plan.problems = integration.problems
        plan.orphans = orphans.sorted()
        plan.unknown = unknown
        plan.requeue = requeue
        plan.held = held
        return plan
    }

    /// A running container whose limits, memory reservation or restart policy were changed in
    /// place (`docker update`): set back in place, the container kept.
    private func liveRepair(_ container: ObservedContainer, service: ServiceSpec, name: String)
        -> (action: PlanAction, cause: String, changes: [FieldChange])? {
        guard let live = container.live, container.state == .running else { return nil }
        let desired = LiveResources(service: service, hostCPUs: options.hostCPUs)
        let changes = live.changes(to: desired)
        guard !changes.isEmpty else { return nil }
        // An update cannot lift a memory or CPU limit, nor a memory reservation (0 leaves it as
        // it is): a container must run without one anew.
        if changes.contains(where: { $0.after == "none" && $0.path != "resources.pids" }) {
            return (.recreateContainer(service: service.name, replica: container.replica ?? 1, name: name, containerID: container.id,
                                       changed: changes.map(\.path), stopGrace: service.stopGracePeriod),
                    "changed in the container: " + changes.map(\.path).joined(separator: ", "), changes)
        }
        return (.updateContainer(service: service.name, name: name, containerID: container.id, resources: desired),
                "changed in the container: " + changes.map(\.path).joined(separator: ", "), changes)
    }

    /// The field changes behind changed groups, when the settings last applied are known: a
    /// changed environment with no visible field explaining it is a secret's new value.
    private func fieldChanges(_ desired: ServiceSettings, since applied: ServiceSettings?, groups: [String]) -> [FieldChange] {
        guard let applied else { return [] }
        var changes = desired.changes(since: applied)
        if groups.contains("environment"), !changes.contains(where: { $0.path.hasPrefix("environment.") }) {
            changes.append(.secretInEnvironment)
        }
        return changes
    }

    /// Container removals in reverse dependency order: a container is stopped only after the
    /// containers that depend on it (its `depends-on` label names them); the rest in parallel.
    private func addRemovals(_ removals: [(container: ObservedContainer, cause: String, grace: Duration?)], to builder: inout PlanBuilder) {
        var dependents: [String: [Int]] = [:]
        for (index, removal) in removals.enumerated() {
            for dependency in (removal.container.labels[OwnershipLabels.dependsOn] ?? "").split(separator: ",") {
                dependents[String(dependency), default: []].append(index)
            }
        }
        var stepOf: [Int: Int] = [:]
        func add(_ index: Int, _ path: Set<Int>) {
            guard stepOf[index] == nil, !path.contains(index) else { return }
            let removal = removals[index]
            let waiting = dependents[removal.container.service ?? ""] ?? []
            for dependent in waiting { add(dependent, path.union([index])) }
            stepOf[index] = builder.add(.removeContainer(service: removal.container.service, name: removal.container.name,
                                                         containerID: removal.container.id, stopGrace: removal.grace),
                                        cause: removal.cause, after: waiting.compactMap { stepOf[$0] })
        }
        for index in removals.indices { add(index, []) }
    }

    /// What to do with the container kept for a replica, or nil when it is as desired.
    private func containerStep(_ container: ObservedContainer, service: ServiceSpec, replica: Int, name: String,
                               changed: [String]) -> (action: PlanAction, cause: String)? {
        let grace = service.stopGracePeriod
        if !changed.isEmpty {
            return (.recreateContainer(service: service.name, replica: replica, name: name, containerID: container.id, changed: changed,
                                       stopGrace: grace),
                    "config changed: \(changed.joined(separator: ", "))")
        }
        if container.name != name {
            return (.recreateContainer(service: service.name, replica: replica, name: name, containerID: container.id, changed: ["name"],
                                       stopGrace: grace),
                    "named \(container.name)")
        }
        // Its labels say it has every network, but a sutactl killed between creating it and
        // connecting the rest (engines before API 1.44 take one network at create) left it without.
        let missing = service.networks.map(\.network).filter { container.networks?.contains(names.network($0)) == false }
        if !missing.isEmpty {
            return (.recreateContainer(service: service.name, replica: replica, name: name, containerID: container.id, changed: ["networks"],
                                       stopGrace: grace),
                    "not attached to network\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))")
        }
        switch container.state {
        // Being removed: the engine's destroy event brings the next look, when it is gone.
        case .running, .restarting, .removing:
            return nil
        case .created, .exited, .paused:
            return (.startContainer(service: service.name, replica: replica, name: name, containerID: container.id), container.state.rawValue)
        case .dead:
            return (.recreateContainer(service: service.name, replica: replica, name: name, containerID: container.id, changed: [],
                                       stopGrace: grace),
                    "container is \(container.state.rawValue)")
        }
    }
}
