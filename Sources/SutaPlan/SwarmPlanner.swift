import SutaModel

/// Decides what to change on a swarm (engine mode swarm): each active Service a swarm
/// service, each Network an attachable overlay network, each secret variable a versioned
/// swarm secret. Pure: the config and one look at the swarm in, a ``Plan`` out. A service
/// is updated when the settings it runs with (its label) differ from the manifests'.
public struct SwarmPlanner: Sendable {
    public var config: ResolvedConfig
    public var options: PlanOptions
    /// The contents of read-only bind mounts' source files, by path (read by the controller):
    /// each such mount becomes a versioned swarm config, so that no node needs the file.
    public var files: [String: [UInt8]]

    public init(config: ResolvedConfig, options: PlanOptions = PlanOptions(), files: [String: [UInt8]] = [:]) {
        self.config = config
        self.options = options
        self.files = files
    }

    private var names: ResourceNames { ResourceNames(project: config.project.name) }

    public func plan(_ observed: ObservedSwarm) -> Plan {
        let project = config.project.name
        var builder: [PlanStep] = []
        var conflicts: [PlanConflict] = []
        var unchanged: [String] = []
        var unknown: [String] = []
        func add(_ action: PlanAction, _ cause: String, after: [Int] = [], changes: [FieldChange] = []) -> Int {
            var step = PlanStep(id: builder.count, action: action, cause: cause, after: after)
            step.changes = changes
            builder.append(step)
            return step.id
        }

        // Secrets and configs first: every version a service needs that the swarm does not have yet.
        var requests: [SwarmServiceRequest] = []
        var versionSteps: [Int] = []
        var wanted: Set<String> = []
        // A secret or config version a service needs: created unless the swarm has it (another
        // project's of that name is a conflict).
        func need(_ name: String, kind: String, among found: [ObservedObject], create: SwarmAction, cause: String) {
            guard wanted.insert(name).inserted else { return }
            if let found = found.first(where: { $0.name == name }) {
                if found.project != project { conflicts.append(PlanConflict(kind: kind, name: found.name, id: found.id, owner: found.project)) }
                return
            }
            versionSteps.append(add(.swarm(create), cause))
        }
        for service in config.services {
            var uses: [SwarmServiceRequest.SecretUse] = []
            for variable in service.environment where variable.isSecret {
                guard let secret = secretRequest(variable) else {
                    unknown.append("service \(service.name): secret \(variable.name) (no fingerprint key yet: apply makes one)")
                    continue
                }
                uses.append(.init(variable: variable.name, secretName: secret.name))
                need(secret.name, kind: "secret", among: observed.secrets, create: .createSecret(secret), cause: "new version of \(variable.name)")
            }
            // A read-only file mount whose contents were read: a swarm config instead of a bind.
            var configs: [SwarmServiceRequest.ConfigUse] = []
            for mount in service.volumes where mount.kind == .bind && mount.readOnly {
                guard let source = mount.source, let data = files[source] else { continue }
                guard let request = configRequest(source: source, data: data, service: service.name) else {
                    unknown.append("service \(service.name): config \(mount.target) (no fingerprint key yet: apply makes one)")
                    continue
                }
                configs.append(.init(target: mount.target, configName: request.name))
                need(request.name, kind: "config", among: observed.configs, create: .createConfig(request), cause: "new version of \(source)")
            }
            // A loopback port stays unpublished: a swarm service publishes on every address of its node.
            var published = service
            published.ports.removeAll(where: \.isLoopback)
            published.volumes.removeAll { mount in configs.contains { $0.target == mount.target } }
            requests.append(SwarmServiceRequest(name: names.network(service.name), service: published, names: names, secrets: uses, configs: configs,
                                                rollout: SwarmRollout(service: service, project: config.project),
                                                settings: settings(published, secrets: uses, configs: configs)))
        }

        var networkSteps: [Int] = []
        for network in config.networks where config.services.contains(where: { $0.networks.contains { $0.network == network.name } }) {
            let name = names.network(network.name)
            if let found = observed.networks.first(where: { $0.name == name }) {
                if found.project != project { conflicts.append(PlanConflict(kind: "network", name: name, id: found.id, owner: found.project)) }
                continue
            }
            networkSteps.append(add(.createNetwork(network, name: name), "not found"))
        }

        var serviceSteps: [Int] = []
        var stepOfService: [String: Int] = [:]
        let active = Set(config.services.map(\.name))
        for request in ordered(requests) {
            // depends_on: after the dependency's own step, and once its tasks meet the condition.
            let dependencies = request.service.dependsOn.filter { active.contains($0.service) }
            let before = versionSteps + networkSteps + dependencies.compactMap { stepOfService[$0.service] }
            let waits = dependencies.map { PlanStep.Wait(service: $0.service, condition: $0.condition) }
            func addServiceStep(_ action: SwarmAction, _ cause: String, changes: [FieldChange]) {
                let id = add(.swarm(action), cause, after: before, changes: changes)
                builder[id].waitFor = waits
                stepOfService[request.service.name] = id
                serviceSteps.append(id)
            }
            guard let found = observed.services.first(where: { $0.name == request.name }) else {
                let changes = settings(request).fields.filter { ServiceSettings.keyAttributePaths.contains($0.path) || $0.path == "replicas" }
                    .map { FieldChange(path: $0.path, before: nil, after: $0.value, secret: $0.secret) }
                addServiceStep(.createService(request), "not found", changes: changes)
                continue
            }
            guard found.project == project else {
                conflicts.append(PlanConflict(kind: "swarm service", name: found.name, id: found.id, owner: found.project))
                continue
            }
            let desired = settings(request)
            let running = SwarmSettingsLabel.settings(found.labels[SwarmSettingsLabel.key]) ?? ServiceSettings(fields: [])
            var changes = desired.changes(since: running)
            let drift = Self.drift(found, from: running)
            changes += drift.filter { change in !changes.contains { $0.path == change.path } }
            if changes.isEmpty {
                unchanged.append(request.service.name)
            } else {
                let cause = !drift.isEmpty && changes.count == drift.count ? "drift: changed outside sutactl"
                    : found.updateState == "rollback_completed" ? "the last update was rolled back; configuration changed" : "configuration changed"
                addServiceStep(.updateService(request, id: found.id), cause, changes: changes)
            }
        }

        // What is no longer desired: services (prune, or down), then secret versions no
        // service uses, then networks.
        var removals: [Int] = []
        let desiredNames = Set(requests.map(\.name))
        for found in observed.services where found.project == project && !desiredNames.contains(found.name) && options.prune {
            let service = found.labels[OwnershipLabels.service] ?? found.name
            removals.append(add(.swarm(.removeService(service: service, name: found.name, id: found.id, stopGrace: found.stopGrace)), "not desired",
                                after: serviceSteps))
        }
        let kept = observed.services.filter { $0.project == project && (desiredNames.contains($0.name) || !options.prune) }
        for (found, isSecret) in observed.secrets.map({ ($0, true) }) + observed.configs.map({ ($0, false) })
        where found.project == project && !wanted.contains(found.name) {
            // A version a kept service still runs with stays until that service moves on.
            let inUse = kept.contains { service in
                !desiredNames.contains(service.name) && (SwarmSettingsLabel.settings(service.labels[SwarmSettingsLabel.key])?.fields ?? [])
                    .contains { $0.path.hasPrefix(isSecret ? "secrets." : "configs.") && $0.value == found.name }
            }
            guard !inUse else { continue }
            _ = add(.swarm(isSecret ? .removeSecret(name: found.name, id: found.id) : .removeConfig(name: found.name, id: found.id)),
                    "no service uses this version", after: serviceSteps + removals)
        }
        let usedNetworks = Set(config.networks.map { names.network($0.name) })
        for found in observed.networks where found.project == project && !usedNetworks.contains(found.name) && options.prune {
            _ = add(.removeNetwork(name: found.name, id: found.id), "not desired", after: removals)
        }

        var plan = Plan(steps: builder, conflicts: conflicts, unchanged: unchanged, leftovers: [])
        plan.orphans = observed.services.filter { $0.project == project && !desiredNames.contains($0.name) && !options.prune }.map(\.name)
        plan.unknown = unknown
        return plan
    }

    /// Where the service's live spec differs from the settings it was given (its label): a
    /// hand-made change, put back by updating to the manifests' settings.
    static func drift(_ found: ObservedSwarm.Service, from given: ServiceSettings) -> [FieldChange] {
        func value(_ path: String) -> String? { given.fields.first { $0.path == path }?.value }
        var changes: [FieldChange] = []
        if let live = found.replicas, let wanted = value("replicas"), String(live) != wanted {
            changes.append(FieldChange(path: "replicas", before: String(live), after: wanted, secret: false))
        }
        // The swarm pins an image to its digest (`name@sha256:...`): only the name counts.
        if let live = found.image?.split(separator: "@").first.map(String.init), let wanted = value("image"), live != wanted {
            changes.append(FieldChange(path: "image", before: live, after: wanted, secret: false))
        }
        return changes
    }

    /// A secret variable's version: named with a MAC of its value under the project's key.
    func secretRequest(_ variable: EnvironmentVariable) -> SwarmSecretRequest? {
        guard let key = options.fingerprintKey else { return nil }
        let mac = key.shortMAC("swarm secret \(variable.name)\n\(variable.value)")
        return SwarmSecretRequest(name: "\(config.project.name)_\(variable.name)_\(mac)", variable: variable.name,
                                  labels: [OwnershipLabels.project: config.project.name, OwnershipLabels.managedBy: OwnershipLabels.managedByValue,
                                           "sutactl.secret-variable": variable.name],
                                  value: variable.value)
    }

    /// A read-only file's version: named with a MAC of its contents under the project's key
    /// (the file may hold credentials: no plain hash), within the swarm's 64 characters.
    func configRequest(source: String, data: [UInt8], service: String) -> SwarmConfigRequest? {
        guard let key = options.fingerprintKey else { return nil }
        let mac = key.shortMAC(bytes: Array("swarm config \(source)\n".utf8) + data)
        // swarmkit: [a-zA-Z0-9][a-zA-Z0-9-_.]* and at most 64 bytes; every character kept is ASCII.
        let file = (source.split(separator: "/").last ?? "file").map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" }
        let name = String("\(config.project.name)_\(service)_\(String(file))".prefix(63 - mac.count)) + "_" + mac
        return SwarmConfigRequest(name: name, source: source,
                                  labels: [OwnershipLabels.project: config.project.name, OwnershipLabels.managedBy: OwnershipLabels.managedByValue,
                                           "sutactl.config-source": source],
                                  data: data)
    }

    /// The fields compared and shown: the container fields, the swarm's own (a CPU
    /// reservation is one: a container has none), and each secret and config file as the name
    /// of its version.
    func settings(_ service: ServiceSpec, secrets: [SwarmServiceRequest.SecretUse], configs: [SwarmServiceRequest.ConfigUse]) -> ServiceSettings {
        var plain = service
        plain.environment.removeAll(where: \.isSecret)
        var fields = ServiceSettings(service: plain, names: names).fields
        func add(_ path: String, _ value: String?) { if let value { fields.append(.init(path: path, value: value)) } }
        for use in secrets { fields.append(.init(path: "secrets.\(use.variable)", value: use.secretName)) }
        for use in configs { fields.append(.init(path: "configs.\(use.target)", value: use.configName)) }
        add("resources.reservations.cpus", service.resources.reservations.cpus.map { String($0) })
        add("replicas", String(service.replicas))
        for constraint in service.placement?.constraints ?? [] { add("placement.constraints", constraint) }
        for spread in service.placement?.spread ?? [] { add("placement.spread", spread) }
        add("placement.max_replicas_per_node", service.placement?.maxReplicasPerNode.map(String.init))
        add("update_config", SwarmRollout(service: service, project: config.project).text)
        add("endpoint_mode", "dnsrr")
        return ServiceSettings(fields: fields)
    }

    private func settings(_ request: SwarmServiceRequest) -> ServiceSettings {
        SwarmSettingsLabel.settings(request.labels[SwarmSettingsLabel.key]) ?? ServiceSettings(fields: [])
    }

    /// Services after the ones they depend on, so that a step's prerequisites come first.
    private func ordered(_ requests: [SwarmServiceRequest]) -> [SwarmServiceRequest] {
        var result: [SwarmServiceRequest] = []
        var rest = requests
        while !rest.isEmpty {
            let next = rest.first { request in
                request.service.dependsOn.allSatisfy { dependency in !rest.contains { $0.service.name == dependency.service } }
            } ?? rest[0]
            result.append(next)
            rest.removeAll { $0.service.name == next.service.name }
        }
        return result
    }
}
