import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// The rollout the planner gives a running container's replacement: the order from the
/// service's ports and volumes (or its `update_config`), replicas in batches, and what it does
/// with a previous generation an interrupted rollout left behind.
final class PlannerRolloutTests: XCTestCase {
    let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    private func service(_ name: String, port: Int? = nil, volume: String? = nil, replicas: Int = 1, healthcheck: Bool = false) -> ServiceSpec {
        var spec = ServiceSpec(name: name, location: here, image: "img:2")
        if let port { spec.ports = [PortMapping(hostIP: "127.0.0.1", hostPort: port, containerPort: 80, transport: .tcp, location: here)] }
        if let volume { spec.volumes = [VolumeMount(kind: .volume, source: volume, target: "/data", readOnly: false, location: here)] }
        if healthcheck { spec.healthcheck = HealthCheck(probe: .command(["true"])) }
        spec.replicas = replicas
        return spec
    }

    private func config(_ services: [ServiceSpec], project update: RolloutPolicy? = nil) -> ResolvedConfig {
        var project = ProjectSpec(name: "p")
        project.updateConfig = update
        let volumes = Set(services.flatMap { $0.volumes.compactMap(\.source) }).sorted().map { VolumeSpec(name: $0, location: here) }
        return ResolvedConfig(project: project, profiles: [], services: services, networks: [], volumes: volumes)
    }

    /// Containers of an older config (image img:1), running, one per replica; `volume` objects exist.
    private func running(_ config: ResolvedConfig, health: ObservedContainer.Health = .none) -> ObservedState {
        let containers = config.services.flatMap { service in
            var old = service
            old.image = "img:1"
            let fingerprint = Planner(config: config).fingerprint(of: old)
            return (1...service.replicas).map { replica in
                ObservedContainer(id: "\(service.name)\(replica)" + String(repeating: "0", count: 20), name: "p-\(service.name)-\(replica)",
                                  image: "img:1",
                                  labels: [OwnershipLabels.project: "p", OwnershipLabels.service: service.name, OwnershipLabels.replica: "\(replica)",
                                           OwnershipLabels.configFields: fingerprint.fieldsLabel],
                                  state: .running, health: health, created: 1, status: "Up")
            }
        }
        return ObservedState(containers: containers, volumes: config.volumes.map {
            ObservedObject(id: "p_\($0.name)", name: "p_\($0.name)", labels: OwnershipLabels.forObject(project: "p"))
        })
    }

    func testTheOrderFollowsWhatTwoContainersCouldShare() {
        let desired = config([service("api"), service("db", volume: "data", healthcheck: true), service("web", port: 18080)])
        let plan = Planner(config: desired).plan(running(desired))
        XCTAssertEqual(plan.graphText, """
            [] -> #0 recreate service api (container p-api-1 api100000000): config changed: image {rollout start-first, rollback, monitor 2s}
            [] -> #1 recreate service db (container p-db-1 db1000000000): config changed: image {rollout stop-first, rollback, monitor 0s}
            [] -> #2 recreate service web (container p-web-1 web100000000): config changed: image {ports free: 127.0.0.1:18080/tcp} {rollout stop-first, rollback, monitor 2s}

            """)
        XCTAssertEqual(plan.steps[1].rollout?.previousName, "p-db-1-previous")
        XCTAssertEqual(plan.steps[1].rollout?.healthGated, true)
        XCTAssertNotNil(plan.steps[0].container, "the new container's request")
    }

    func testReplicasRollInBatchesAfterTheDelay() {
        var web = service("web", replicas: 3)
        web.updateConfig = RolloutPolicy(order: .stopFirst, failureAction: .pause, monitor: .seconds(5), parallelism: 2, delay: .seconds(1))
        let desired = config([web])
        let plan = Planner(config: desired).plan(running(desired))
        XCTAssertEqual(plan.graphText, """
            [] -> #0 recreate service web (container p-web-1 web100000000): config changed: image {rollout stop-first, pause, monitor 5s}
            [] -> #1 recreate service web (container p-web-2 web200000000): config changed: image {rollout stop-first, pause, monitor 5s}
            [0] -> #2 recreate service web (container p-web-3 web300000000): config changed: image {rollout stop-first, pause, monitor 5s, delay 1s}

            """)
    }

    func testAProjectDefaultAppliesWhereItCanAndADeadContainerIsJustRecreated() {
        let desired = config([service("api"), service("web", port: 18080)], project: RolloutPolicy(order: .startFirst, monitor: .seconds(3)))
        var observed = running(desired)
        let plan = Planner(config: desired).plan(observed)
        XCTAssertEqual(plan.steps.map { $0.rollout?.order }, [.startFirst, .stopFirst], "start-first cannot share a fixed host port")
        XCTAssertEqual(plan.steps.map { $0.rollout?.monitor }, [.seconds(3), .seconds(3)])
        observed.containers[0].state = .exited
        XCTAssertEqual(Planner(config: desired).plan(observed).steps[0].rollout?.order, .startFirst,
                       "a stopped container is kept too (an interrupted apply may have stopped it)")
        observed.containers[0].state = .dead
        XCTAssertNil(Planner(config: desired).plan(observed).steps[0].rollout, "a dead container has nothing to go back to")
    }

    func testAnInterruptedRolloutIsFinishedForwardOrUndone() {
        let desired = config([service("db", volume: "data", healthcheck: true)])
        let fingerprint = Planner(config: desired).fingerprint(of: desired.services[0])
        var observed = running(desired)
        observed.containers[0].name = "p-db-1-previous"
        observed.containers[0].state = .exited
        var new = ObservedContainer(id: "new-db" + String(repeating: "0", count: 20), name: "p-db-1", image: "img:2",
                                    labels: [OwnershipLabels.project: "p", OwnershipLabels.service: "db", OwnershipLabels.replica: "1",
                                             OwnershipLabels.configFields: fingerprint.fieldsLabel, OwnershipLabels.configHash: fingerprint.hash],
                                    state: .running, health: .healthy, created: 2, status: "Up")
        observed.containers.append(new)
        XCTAssertEqual(Planner(config: desired).plan(observed).graphText, """
            [] -> #0 remove service db (container p-db-1-previous db1000000000): rollout finished: the previous generation goes

            """)

        new.health = .unhealthy
        observed.containers[1] = new
        let undone = Planner(config: desired).plan(observed)
        XCTAssertEqual(undone.graphText, """
            [] -> #0 restore service db (container p-db-1 db1000000000): interrupted rollout undone (the new container is running, unhealthy)

            """)
        XCTAssertEqual(undone.steps[0].action, .restoreContainer(service: "db", replica: 1, name: "p-db-1", containerID: observed.containers[0].id,
                                                                  failedID: new.id, stopGrace: nil))
        XCTAssertEqual(undone.pending, ["service db: an interrupted rollout is undone; the next look rolls it out again"])
        XCTAssertEqual(undone.awaiting, ["db"])

        observed.containers.removeLast()
        XCTAssertEqual(Planner(config: desired).plan(observed).steps.map(\.action), [
            .restoreContainer(service: "db", replica: 1, name: "p-db-1", containerID: observed.containers[0].id, failedID: nil, stopGrace: nil),
        ], "killed between setting the old one aside and creating the new one")
    }
}
