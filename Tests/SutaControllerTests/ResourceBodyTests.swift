import Foundation
import SutaClients
import SutaModel
import SutaPlan
import SutaYAML
import XCTest
@testable import SutaController

/// What a service's reservations become in the engine's bodies: a container's
/// `MemoryReservation` (at create and in `docker update`), a swarm service's
/// `Resources.Reservations`; a CPU reservation only in the swarm's.
final class ResourceBodyTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
    private let names = ResourceNames(project: "p")

    private func service(_ resources: ResourceLimits) -> ServiceSpec {
        var spec = ServiceSpec(name: "api", location: here, image: "img:1")
        spec.resources = resources
        return spec
    }

    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func containerHost(_ resources: ResourceLimits) throws -> HostConfig {
        let spec = service(resources)
        let fingerprint = spec.fingerprint(networkName: names.network, volumeName: names.volume, key: nil)
        let request = ContainerRequest(name: "p-api-1", service: spec, replica: 1, names: names, fingerprint: fingerprint)
        return try XCTUnwrap(ContainerBodyBuilder.body(for: request).hostConfig)
    }

    func testAMemoryReservationIsTheContainersMemoryReservation() throws {
        let host = try containerHost(ResourceLimits(memoryBytes: 1 << 30, reservations: ResourceReservations(cpus: 0.5, memoryBytes: 512 << 20)))
        XCTAssertEqual(host.memory, 1 << 30)
        XCTAssertEqual(host.memoryReservation, 512 << 20)
        XCTAssertNil(host.nanoCpus, "a CPU reservation is no CPU limit")
        let sent = try json(host), unreserved = try json(try containerHost(ResourceLimits(memoryBytes: 1 << 30)))
        XCTAssertTrue(sent.contains("\"MemoryReservation\":536870912"), sent)
        XCTAssertFalse(unreserved.contains("MemoryReservation"), "none: not sent")
    }

    func testDockerUpdateSendsTheMemoryReservation() throws {
        let body = ContainerUpdateBody(memory: 64 << 20, memorySwap: 128 << 20, nanoCpus: 0, pidsLimit: 0, memoryReservation: 32 << 20,
                                       restartPolicy: SutaClients.RestartPolicy(name: "no"))
        let sent = try json(body)
        XCTAssertTrue(sent.contains("\"MemoryReservation\":33554432"), sent)
    }

    func testReservationsAreTheSwarmServicesReservationsNotLoweredToTheNodes() throws {
        func resources(_ limits: ResourceLimits) -> SwarmServiceSpec.Resources? {
            let request = SwarmServiceRequest(name: "p_api", service: service(limits), names: names, secrets: [],
                                              rollout: SwarmRollout(service: service(limits)), settings: ServiceSettings(fields: []))
            return SwarmServiceBodyBuilder.spec(for: request, objectIDs: [:], nodeCPUs: 2).taskTemplate.resources
        }
        XCTAssertEqual(resources(ResourceLimits(cpus: 4, memoryBytes: 1 << 30, reservations: ResourceReservations(cpus: 3, memoryBytes: 512 << 20))),
                       .init(limits: .init(nanoCPUs: 2_000_000_000, memoryBytes: 1 << 30),
                             reservations: .init(nanoCPUs: 3_000_000_000, memoryBytes: 512 << 20)))
        XCTAssertEqual(resources(ResourceLimits(reservations: ResourceReservations(memoryBytes: 64 << 20))),
                       .init(limits: nil, reservations: .init(nanoCPUs: nil, memoryBytes: 64 << 20)))
        XCTAssertNil(resources(ResourceLimits()))
    }
}
