import Foundation
import SutaController
import SutaModel
import SutaPlan

/// The engine's own floor for a set of services: their containers created and started
/// straight through the API with the bodies sutactl sends, `parallelism` in flight and no
/// dependency order, and one container's create+start alone.
struct EngineFloor {
    let engine: DockerEngineDriver
    let config: ResolvedConfig
    let parallelism: Int
    let planner: Planner

    /// Prepares the floor of `config` (its project name is the floor's own).
    init(engine: DockerEngineDriver, config: ResolvedConfig, parallelism: Int = 8) {
        self.engine = engine
        self.config = config
        self.parallelism = parallelism
        // A throwaway key: these containers are removed with the floor project.
        let key = FingerprintKey(bytes: (0..<FingerprintKey.byteCount).map { _ in UInt8.random(in: .min ... .max) })
        planner = Planner(config: config, options: PlanOptions(fingerprintKey: key))
    }

    /// Creates the project's networks and volumes (not timed).
    func prepare() async throws {
        for network in config.networks {
            try await engine.createNetwork(network, name: planner.names.network(network.name), labels: OwnershipLabels.forObject(project: config.project.name))
        }
        for volume in config.volumes {
            try await engine.createVolume(volume, name: planner.names.volume(volume.name), labels: OwnershipLabels.forObject(project: config.project.name))
        }
    }

    /// Creates and starts every service's container, `parallelism` at a time: wall time and
    /// engine requests.
    func createAndStartAll() async throws -> (seconds: Double, requests: Int) {
        let requests = config.services.map { service in
            ContainerRequest(name: planner.names.container(service: service.name, replica: 1), service: service, replica: 1,
                             names: planner.names, fingerprint: planner.fingerprint(of: service))
        }
        let before = engine.requestCount
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func launch() {
                let request = requests[next]
                next += 1
                group.addTask {
                    let id = try await engine.createContainer(request)
                    try await engine.startContainer(id: id)
                }
            }
            while next < min(parallelism, requests.count) { launch() }
            while try await group.next() != nil { if next < requests.count { launch() } }
        }
        return ((ContinuousClock.now - start).inSeconds, engine.requestCount - before)
    }

    /// One container alone (a second replica of the first service, without published ports):
    /// the unit a one-service change is measured against. Its wall time.
    func loneCreateAndStart() async throws -> Double {
        guard let first = config.services.first else { return 0 }
        var service = first
        service.ports = []
        let lone = ContainerRequest(name: planner.names.container(service: service.name, replica: 2), service: service, replica: 2,
                                    names: planner.names, fingerprint: planner.fingerprint(of: service))
        let start = ContinuousClock.now
        let id = try await engine.createContainer(lone)
        try await engine.startContainer(id: id)
        return (ContinuousClock.now - start).inSeconds
    }
}
