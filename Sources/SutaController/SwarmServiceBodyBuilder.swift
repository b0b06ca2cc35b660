import SutaClients
import SutaModel
import SutaPlan

/// Translates a swarm planner's request into the Docker service spec it stands for.
enum SwarmServiceBodyBuilder {
    /// `objectIDs`: the swarm's ID of each secret and config version the request names.
    static func spec(for request: SwarmServiceRequest, objectIDs: [String: String], nodeCPUs: Double?) -> SwarmServiceSpec {
        let service = request.service
        var container = SwarmServiceSpec.ContainerSpec(image: service.image)
        container.labels = service.labels.isEmpty ? nil : service.labels
        container.command = service.entrypoint
        container.args = service.command
        container.env = service.environment.isEmpty ? nil : service.environment.map { "\($0.name)=\($0.value)" }
        container.dir = service.workingDir
        container.user = service.user
        var mounts = service.volumes.map { mount -> Mount in
            switch mount.kind {
            case .volume: Mount(type: .volume, source: mount.source.map(request.names.volume), target: mount.target, readOnly: mount.readOnly)
            case .bind: Mount(type: .bind, source: mount.source, target: mount.target, readOnly: mount.readOnly)
            case .tmpfs: Mount(type: .tmpfs, source: nil, target: mount.target, readOnly: mount.readOnly)
            }
        }
        mounts += service.tmpfs.map { Mount(type: .tmpfs, source: nil, target: String($0.split(separator: ":")[0])) }
        container.mounts = mounts.isEmpty ? nil : mounts
        container.stopSignal = service.stopSignal
        container.stopGracePeriod = service.stopGracePeriod.map(nanoseconds)
        container.healthCheck = service.healthcheck.map(ContainerBodyBuilder.healthcheck)
        container.readOnly = service.readOnlyRootFilesystem ? true : nil
        container.capabilityAdd = service.capAdd.isEmpty ? nil : service.capAdd
        container.capabilityDrop = service.capDrop.isEmpty ? nil : service.capDrop
        let secrets = request.secrets.map { use in
            SwarmServiceSpec.SecretReference(file: .init(name: use.variable), secretID: objectIDs[use.secretName] ?? "", secretName: use.secretName)
        }
        container.secrets = secrets.isEmpty ? nil : secrets
        let configs = request.configs.map { use in
            SwarmServiceSpec.ConfigReference(file: .init(name: use.target), configID: objectIDs[use.configName] ?? "", configName: use.configName)
        }
        container.configs = configs.isEmpty ? nil : configs

        let limits = SwarmServiceSpec.Resources.Amounts(nanoCPUs: service.resources.cpus.map { Int64((min($0, nodeCPUs ?? $0) * 1e9).rounded()) },
                                                         memoryBytes: service.resources.memoryBytes, pids: service.resources.pids.map(Int64.init))
        // Not lowered to a node's CPU count: a reservation no node can give leaves the tasks
        // pending ("insufficient resources"), as the swarm says in `status`.
        let reserved = service.resources.reservations
        let reservations = SwarmServiceSpec.Resources.Amounts(nanoCPUs: reserved.cpus.map { Int64(($0 * 1e9).rounded()) },
                                                               memoryBytes: reserved.memoryBytes)
        let none = SwarmServiceSpec.Resources.Amounts(nanoCPUs: nil, memoryBytes: nil)
        let restart = switch service.restart.name {
        case .no: SwarmServiceSpec.RestartPolicy(condition: "none", maxAttempts: nil)
        case .always, .unlessStopped: SwarmServiceSpec.RestartPolicy(condition: "any", maxAttempts: nil)
        case .onFailure: SwarmServiceSpec.RestartPolicy(condition: "on-failure", maxAttempts: service.restart.maximumRetryCount)
        }
        let placement = service.placement.map {
            SwarmServiceSpec.Placement(constraints: $0.constraints.isEmpty ? nil : $0.constraints,
                                       preferences: $0.spread.isEmpty ? nil : $0.spread.map { .init(spreadDescriptor: $0) },
                                       maxReplicas: $0.maxReplicasPerNode)
        }
        var template = SwarmServiceSpec.TaskTemplate(
            containerSpec: container,
            resources: limits == none && reservations == none ? nil
                : .init(limits: limits == none ? nil : limits, reservations: reservations == none ? nil : reservations),
            restartPolicy: restart, placement: placement,
            networks: request.networks.map { .init(target: $0.name, aliases: [service.name] + $0.aliases) })
        if template.networks?.isEmpty == true { template.networks = nil }
        let rollout = request.rollout
        let ports = service.ports.map {
            SwarmServiceSpec.EndpointSpec.Port(protocol: $0.transport.rawValue, targetPort: $0.containerPort, publishedPort: $0.hostPort,
                                               publishMode: "host")
        }
        return SwarmServiceSpec(
            name: request.name, labels: request.labels, taskTemplate: template, mode: .init(replicas: service.replicas),
            updateConfig: .init(parallelism: rollout.parallelism, delay: 0, failureAction: rollout.failureAction,
                                monitor: nanoseconds(rollout.monitor), order: rollout.order),
            rollbackConfig: .init(parallelism: rollout.rollbackParallelism, delay: 0, failureAction: "pause",
                                  monitor: nanoseconds(rollout.rollbackMonitor), order: rollout.order),
            endpointSpec: .init(mode: request.endpointMode, ports: ports.isEmpty ? nil : ports))
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }
}
