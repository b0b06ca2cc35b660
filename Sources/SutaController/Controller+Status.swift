import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel
import SutaClients
import SutaPlan

extension Controller {
    /// Every active service (and every owned container outside the profile, orphans included)
    /// with ready/desired replicas, state, health, ports, uptime, restarts and drift. Reads
    /// only: it creates no state directory and rewrites no state file.
    public func status(_ target: ManifestTarget) async throws(SutaError) -> StatusReport {
        let config = try BuildContext.digested(try target.config())
        var observed = try await observe()
        let directory = state.project(config.project.name)
        let supervision = SupervisionHistory.load(from: directory)
        observed.applied = AppliedSettingsStore(directory: directory).load()
        observed.supervision = supervision.services
        // Drift is what apply would do: the planner's steps for the service, by its rules.
        let plan = Planner(config: config, options: PlanOptions(hostCPUs: Double(ProcessInfo.processInfo.activeProcessorCount),
                                                                now: Date().timeIntervalSince1970,
                                                                fingerprintKey: try FingerprintKeyFile.load(from: directory))).plan(observed)
        let owned = observed.containers(of: config.project.name)
        var services: [ServiceStatus] = []
        for service in config.services {
            let containers = owned.filter { $0.service == service.name }.sorted { ($0.replica ?? 0) < ($1.replica ?? 0) }
            let ready = containers.filter { $0.state == .running && ($0.health == .healthy || $0.health == .none) }.count
            guard let container = containers.first else {
                var missing = ServiceStatus(name: service.name, inProfile: true, state: service.replicas == 0 ? "scaled to 0" : "missing",
                                            health: "none", containerID: nil, ports: [], startedAt: nil, restarts: 0,
                                            drifted: service.replicas > 0, driftReason: service.replicas > 0 ? "no container" : nil,
                                            probe: nil, supervision: nil)
                missing.desired = service.replicas
                services.append(missing)
                continue
            }
            var reasons = Array(Set(plan.steps.filter { $0.action.service == service.name }.map { step in
                switch step.action {
                case .createContainer(_, let replica, _): "replica \(replica) has no container"
                case .startContainer: "container is \(step.cause)"
                default: step.cause
                }
            })).sorted()
            if let backoff = plan.requeue[service.name] { reasons.append("restart in \(Int(backoff.rounded(.up)))s (backoff)") }
            if let held = plan.held[service.name] { reasons.append("held: crash-looping (\(held))") }
            let drifted = !reasons.isEmpty
            let prefix = "service \(service.name): "
            reasons += plan.unknown.filter { $0.hasPrefix(prefix) }.map { "unknown: " + $0.dropFirst(prefix.count) }
            var line = status(of: container, name: service.name, inProfile: true, drifted: drifted,
                              reason: reasons.isEmpty ? nil : reasons.joined(separator: "; "))
            (line.ready, line.desired) = (ready, service.replicas)
            services.append(line)
        }
        let active = Set(config.services.map(\.name))
        for container in owned where !active.contains(container.service ?? "") {
            let service = container.service ?? container.name
            let orphan = !config.declaredServices.contains(service)
            var line = status(of: container, name: service, inProfile: false, drifted: true,
                              reason: orphan ? "orphan: no longer in the manifests (apply --prune removes it)"
                                  : "not in the active profile (apply --prune removes it)")
            line.orphan = orphan
            services.append(line)
        }
        var probes = ProbeHistory.load(from: directory)
        await probe(&services, config: config, history: &probes)
        for index in services.indices { services[index].supervision = supervision.services[services[index].name] }
        let engineVersion: String
        do { engineVersion = try await engine.engineVersion() } catch { engineVersion = "unknown" }
        let registry = BreakerStore(directory: directory, policy: config.project.breakers).load()
        var integrationsConfig = config
        integrationsConfig.project.gateway = nil
        integrationsConfig.project.discovery = nil
        let held = await IntegrationClients(config: integrationsConfig, breakers: registry, environment: environment).observe()
        let failures = held.unreadable.values.sorted()
        return StatusReport(project: config.project.name, profile: config.profileDisplayName, engine: engineVersion,
                            services: services.sorted { (rank($0), $0.name) < (rank($1), $1.name) },
                            models: held.models, preloaded: Set(config.project.modelServer?.models.filter(\.preload).map(\.name) ?? []),
                            breakers: registry.snapshots(), failures: failures)
    }

    /// Active services first, then those outside the profile, then orphans.
    private func rank(_ service: ServiceStatus) -> Int { service.inProfile ? 0 : service.orphan ? 2 : 1 }

    private func status(of container: ObservedContainer, name: String, inProfile: Bool, drifted: Bool, reason: String?) -> ServiceStatus {
        let details = container.details ?? ContainerDetails(startedAt: nil, restartCount: 0, ports: [])
        return ServiceStatus(name: name, inProfile: inProfile, state: container.state.rawValue, health: container.health.rawValue,
                             containerID: container.shortID,
                             ports: details.ports.map { "\($0.hostIP):\($0.hostPort)->\($0.containerPort)/\($0.transport)" },
                             startedAt: details.startedAt, restarts: details.restartCount,
                             drifted: drifted, driftReason: reason, probe: nil, supervision: nil)
    }

    /// Probes the published ports of every active service and records the results in the
    /// project's probe history: the controller does this on each full resync, so `status`
    /// (which records nothing) shows consecutive failures.
    public func recordProbes(_ config: ResolvedConfig) async throws(SutaError) {
        var services = config.services.map { service in
            ServiceStatus(name: service.name, inProfile: true, state: "running", health: "none", containerID: nil, ports: [], startedAt: nil,
                          restarts: 0, drifted: false, driftReason: nil, probe: nil, supervision: nil)
        }
        let directory = try projectDirectory(config.project.name)
        var history = ProbeHistory.load(from: directory)
        await probe(&services, config: config, history: &history)
        try? history.save(to: directory)
    }

    /// Probes every running service whose healthcheck is HTTP or TCP on a published port, in
    /// parallel, counting on from `history`.
    func probe(_ services: inout [ServiceStatus], config: ResolvedConfig, history: inout ProbeHistory) async {
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
        guard !targets.isEmpty else { return }
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
        for (index, result) in results {
            services[index].probe = history.record(service: services[index].name, healthy: result.healthy, latency: result.latency,
                                                   time: result.time, error: result.error)
        }
    }
}
