#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaClients
import SutaModel
import SutaPlan

/// Translates a service's spec into the Docker create body for one of its containers.
enum ContainerBodyBuilder {
    /// The engine refuses a CPU limit above the host's CPU count; such a limit means "the whole
    /// host", so it is lowered to that, and validation warns about it (the loader gives the
    /// resolver the same count). The engine is local: sutactl speaks to a Unix socket.
    static let hostCPUs = Double(ProcessInfo.processInfo.activeProcessorCount)

    static func body(for request: ContainerRequest) -> ContainerCreateBody {
        let service = request.service
        let names = request.names
        var portBindings: [String: [PortBinding]] = [:]
        for port in service.ports {
            portBindings["\(port.containerPort)/\(port.transport.rawValue)", default: []]
                .append(PortBinding(hostIP: port.hostIP, hostPort: port.hostPort))
        }
        // Short-form binds go in the legacy `Binds`, which creates a missing host directory (as
        // Compose does); a `Mounts` bind needs its source to exist ("bind source path does not exist").
        let binds = service.volumes.compactMap { mount in
            mount.kind == .bind && mount.createsHostPath ? "\(mount.source ?? ""):\(mount.target):\(mount.readOnly ? "ro" : "rw")" : nil
        }
        let mounts = service.volumes.compactMap { mount -> Mount? in
            switch mount.kind {
            case .volume: Mount(type: .volume, source: mount.source.map(names.volume), target: mount.target, readOnly: mount.readOnly)
            case .bind: mount.createsHostPath ? nil : Mount(type: .bind, source: mount.source, target: mount.target, readOnly: mount.readOnly)
            case .tmpfs: Mount(type: .tmpfs, source: nil, target: mount.target, readOnly: mount.readOnly)
            }
        }
        var tmpfs: [String: String] = [:]
        for entry in service.tmpfs {
            let parts = entry.split(separator: ":", maxSplits: 1)
            tmpfs[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let host = HostConfig(
            portBindings: portBindings.isEmpty ? nil : portBindings,
            binds: binds.isEmpty ? nil : binds,
            mounts: mounts.isEmpty ? nil : mounts,
            memory: service.resources.memoryBytes,
            memoryReservation: service.resources.reservations.memoryBytes,
            nanoCpus: LiveResources(service: service, hostCPUs: hostCPUs).nanoCpus,
            pidsLimit: service.resources.pids.map(Int64.init),
            restartPolicy: SutaClients.RestartPolicy(name: service.restart.name.rawValue, maximumRetryCount: service.restart.maximumRetryCount),
            readonlyRootfs: service.readOnlyRootFilesystem ? true : nil,
            capAdd: service.capAdd.isEmpty ? nil : service.capAdd,
            capDrop: service.capDrop.isEmpty ? nil : service.capDrop,
            securityOpt: service.securityOptions.isEmpty ? nil : service.securityOptions.map(securityOption),
            tmpfs: tmpfs.isEmpty ? nil : tmpfs)
        var networks: [String: EndpointSettings] = [:]
        for attachment in service.networks {
            // The service name is always an alias, so peers reach it by name as in Compose.
            networks[names.network(attachment.network)] = EndpointSettings(aliases: [service.name] + attachment.aliases,
                                                                           ipv4Address: attachment.ipv4Address)
        }
        return ContainerCreateBody(
            image: service.image,
            cmd: service.command,
            entrypoint: service.entrypoint,
            env: service.environment.map { "\($0.name)=\($0.value)" },
            labels: request.labels,
            user: service.user,
            workingDir: service.workingDir,
            exposedPorts: service.ports.isEmpty ? nil : service.ports.map { "\($0.containerPort)/\($0.transport.rawValue)" },
            stopSignal: service.stopSignal,
            stopTimeout: service.stopGracePeriod.map { Int($0.components.seconds) },
            healthcheck: service.healthcheck.map(healthcheck),
            hostConfig: host,
            networks: networks)
    }

    /// The engine runs the check inside the container: an HTTP probe uses wget (busybox,
    /// Alpine) or curl, a TCP probe nc.
    static func healthcheck(_ check: HealthCheck) -> Healthcheck {
        let test: [String] = switch check.probe {
        case .command(let words): words
        case .http(let port, let path):
            ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:\(port)\(path) || curl -fsS -o /dev/null http://127.0.0.1:\(port)\(path)"]
        case .tcp(let port): ["CMD-SHELL", "nc -z 127.0.0.1 \(port)"]
        case .disabled: ["NONE"]
        }
        return Healthcheck(test: test, interval: check.interval, timeout: check.timeout, startPeriod: check.startPeriod,
                           retries: check.retries)
    }

    /// `no-new-privileges:true` (Compose's spelling) as the engine wants it: `=` separates.
    private static func securityOption(_ option: String) -> String {
        guard !option.contains("="), let colon = option.firstIndex(of: ":") else { return option }
        return option[..<colon] + "=" + option[option.index(after: colon)...]
    }
}
