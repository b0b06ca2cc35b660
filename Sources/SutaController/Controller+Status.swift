import Foundation
import SutaModel
import SutaClients
import SutaPlan

extension Controller {
    /// Every active service (and every owned container outside the profile) with state,
    /// health, ports, uptime, restarts and drift.
    public func status(_ target: ManifestTarget) async throws(ControllerError) -> StatusReport {
        let config = try target.config()
        let observed = try await observe()
        let planner = Planner(config: config)
        let owned = observed.containers(of: config.project.name)
        var services: [ServiceStatus] = []
        for service in config.services {
            let containers = owned.filter { $0.service == service.name }.sorted { ($0.replica ?? 0) < ($1.replica ?? 0) }
            guard let container = containers.first else {
                services.append(ServiceStatus(name: service.name, inProfile: true, state: service.replicas == 0 ? "scaled to 0" : "missing",
                                              health: "none", containerID: nil, ports: [], startedAt: nil, restarts: 0,
                                              drifted: service.replicas > 0, driftReason: service.replicas > 0 ? "no container" : nil,
                                              probe: nil, supervision: nil))
                continue
            }
            let fingerprint = planner.fingerprint(of: service)
            var reason: String?
            if container.labels[OwnershipLabels.configFields] != fingerprint.fieldsLabel {
                let recorded = container.labels[OwnershipLabels.configFields].flatMap(ConfigFingerprint.init(label:))
                reason = "config changed: " + (recorded.map { fingerprint.changedGroups(since: $0) } ?? ["(unrecorded)"]).joined(separator: ", ")
            } else if container.state != .running {
                reason = "container is \(container.state.rawValue)"
            } else if containers.count != service.replicas {
                reason = "\(containers.count) of \(service.replicas) replicas"
            }
            services.append(try await status(of: container, name: service.name, inProfile: true, driftReason: reason))
        }
        let active = Set(config.services.map(\.name))
        for container in owned where !active.contains(container.service ?? "") {
            services.append(try await status(of: container, name: container.service ?? container.name, inProfile: false,
                                             driftReason: "not in the active profile"))
        }
        await probe(&services, config: config)
        if let directory = try? state.ensure(project: config.project.name) {
            let supervision = SupervisionHistory.load(from: directory)
            for index in services.indices { services[index].supervision = supervision.services[services[index].name] }
        }
        let engineVersion: String
        do { engineVersion = try await engine.engineVersion() } catch { engineVersion = "unknown" }
        let store = BreakerStore(directory: try projectDirectory(config.project.name), policy: config.project.breakers)
        let registry = store.load()
        let models = await IntegrationSync(config: config, breakers: registry, dryRun: true, report: { _ in }).modelReports()
        store.save(registry)
        return StatusReport(project: config.project.name, profile: config.profileDisplayName, engine: engineVersion,
                            services: services.sorted { ($0.inProfile ? 0 : 1, $0.name) < ($1.inProfile ? 0 : 1, $1.name) },
                            models: models, breakers: registry.snapshots())
    }

    private func status(of container: ObservedContainer, name: String, inProfile: Bool, driftReason: String?) async throws(ControllerError) -> ServiceStatus {
        var details = ContainerDetails(startedAt: nil, restartCount: 0, ports: [])
        if container.state == .running || container.state == .restarting {
            do { details = try await engine.containerDetails(id: container.id) } catch {}
        }
        return ServiceStatus(name: name, inProfile: inProfile, state: container.state.rawValue, health: container.health.rawValue,
                             containerID: container.shortID,
                             ports: details.ports.map { "\($0.hostIP):\($0.hostPort)->\($0.containerPort)/\($0.transport)" },
                             startedAt: details.startedAt, restarts: details.restartCount,
                             drifted: driftReason != nil, driftReason: driftReason, probe: nil, supervision: nil)
    }

    /// Probes every running service whose healthcheck is HTTP or TCP on a published port,
    /// in parallel, and records the results in the project's probe history.
    func probe(_ services: inout [ServiceStatus], config: ResolvedConfig) async {
        let targets: [(index: Int, port: Int, path: String?)] = services.indices.compactMap { index in
            guard services[index].inProfile, services[index].state == "running",
                  let spec = config.services.first(where: { $0.name == services[index].name }) else { return nil }
            let (containerPort, path): (Int, String?)
            switch spec.healthcheck?.probe {
            case .http(let port, let probePath)?: (containerPort, path) = (port, probePath)
            case .tcp(let port)?: (containerPort, path) = (port, nil)
            default: return nil
            }
            guard let hostPort = spec.ports.first(where: { $0.containerPort == containerPort })?.hostPort else { return nil }
            return (index, hostPort, path)
        }
        guard !targets.isEmpty, let directory = try? state.ensure(project: config.project.name) else { return }
        let prober = HealthProber()
        let results = await withTaskGroup(of: (Int, ProbeResult).self) { group in
            for target in targets {
                group.addTask {
                    if let path = target.path { return (target.index, await prober.http(port: target.port, path: path)) }
                    return (target.index, await prober.tcp(port: target.port))
                }
            }
            return await group.reduce(into: [(Int, ProbeResult)]()) { $0.append($1) }
        }
        var history = ProbeHistory.load(from: directory)
        for (index, result) in results {
            services[index].probe = history.record(service: services[index].name, healthy: result.healthy, latency: result.latency,
                                                   time: result.time, error: result.error)
        }
        try? history.save(to: directory)
    }
}
