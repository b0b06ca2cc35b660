import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// The swarm planner with literal desired and observed swarms: golden plans, no engine.
final class SwarmPlannerTests: XCTestCase {
    let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    func config(replicas: Int = 3, image: String = "img:1") -> ResolvedConfig {
        var web = ServiceSpec(name: "web", location: here, image: image)
        web.networks = [NetworkAttachment(network: "net", aliases: [], ipv4Address: nil, location: here)]
        web.replicas = replicas
        return ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [web],
                              networks: [NetworkSpec(name: "net", location: here)], volumes: [])
    }

    /// The swarm a successful apply of `config` leaves: each service as it was created
    /// (its settings label, replicas and image), and the network.
    func converged(_ config: ResolvedConfig) -> ObservedSwarm {
        let plan = SwarmPlanner(config: config).plan(ObservedSwarm(services: [], secrets: [], networks: []))
        let services = plan.steps.compactMap { step -> ObservedSwarm.Service? in
            guard case .swarm(.createService(let request)) = step.action else { return nil }
            return .init(id: "id-\(request.name)", name: request.name, labels: request.labels, updateState: nil,
                         replicas: request.service.replicas, image: request.service.image)
        }
        return ObservedSwarm(services: services, secrets: [],
                             networks: [ObservedObject(id: "n1", name: "p_net", labels: OwnershipLabels.forObject(project: "p"))])
    }

    func testColdPlanCreatesTheNetworkThenTheService() {
        let plan = SwarmPlanner(config: config()).plan(ObservedSwarm(services: [], secrets: [], networks: []))
        XCTAssertEqual(plan.graphText, """
        [] -> #0 create network p_net: not found
        [0] -> #1 create service web (swarm service p_web): not found

        """)
        XCTAssertEqual(plan.steps[1].changes.map(\.text), ["+ image img:1", "+ replicas 3"])
    }

    func testAConvergedSwarmNeedsNothing() {
        let plan = SwarmPlanner(config: config()).plan(converged(config()))
        XCTAssertTrue(plan.steps.isEmpty, plan.text)
        XCTAssertEqual(plan.unchanged, ["web"])
    }

    func testReplicasScaledByHandAreDriftPutBack() {
        var observed = converged(config())
        observed.services[0].replicas = 1
        let plan = SwarmPlanner(config: config()).plan(observed)
        XCTAssertEqual(plan.text, """
        update service web (swarm service p_web id-p_web): drift: changed outside sutactl
            ~ replicas 1 -> 3

        """)
    }

    func testAnImageChangedByHandIsDriftButItsDigestIsNot() {
        var observed = converged(config())
        observed.services[0].image = "img:1@sha256:0123"
        XCTAssertTrue(SwarmPlanner(config: config()).plan(observed).steps.isEmpty)
        observed.services[0].image = "img:2"
        XCTAssertEqual(SwarmPlanner(config: config()).plan(observed).steps.first?.changes.map(\.text), ["~ image img:2 -> img:1"])
    }

    func testAManifestChangeIsAConfigurationChange() {
        let plan = SwarmPlanner(config: config(replicas: 2)).plan(converged(config()))
        XCTAssertEqual(plan.text, """
        update service web (swarm service p_web id-p_web): configuration changed
            ~ replicas 3 -> 2

        """)
    }

    func testReservationsAreSettingsOfTheSwarmService() {
        var reserving = config()
        reserving.services[0].resources.reservations = ResourceReservations(cpus: 0.5, memoryBytes: 64 << 20)
        XCTAssertEqual(SwarmPlanner(config: reserving).plan(converged(config())).text, """
        update service web (swarm service p_web id-p_web): configuration changed
            + resources.reservations.memory 64M
            + resources.reservations.cpus 0.5

        """)
        XCTAssertTrue(SwarmPlanner(config: reserving).plan(converged(reserving)).steps.isEmpty)
    }

    func testAServiceOfAnotherProjectIsAConflict() {
        var observed = converged(config())
        observed.services[0].labels[OwnershipLabels.project] = "other"
        let plan = SwarmPlanner(config: config()).plan(observed)
        XCTAssertEqual(plan.conflicts.map(\.name), ["p_web"])
        XCTAssertTrue(plan.steps.isEmpty)
    }

    func testPruneRemovesWhatIsNoLongerDesired() {
        let empty = ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [], networks: [], volumes: [])
        let plan = SwarmPlanner(config: empty, options: PlanOptions(prune: true)).plan(converged(config()))
        XCTAssertEqual(plan.graphText, """
        [] -> #0 remove service web (swarm service p_web id-p_web): not desired
        [0] -> #1 remove network p_net: not desired

        """)
    }
    /// depends_on: the dependent's step comes after its dependency's and waits for its tasks
    /// to meet the condition (a dependency left unchanged: the wait only).
    func testADependentWaitsForItsDependencysTasks() {
        var config = config()
        var db = ServiceSpec(name: "db", location: here, image: "db:1")
        db.networks = config.services[0].networks
        config.services[0].dependsOn = [Dependency(service: "db", condition: .healthy, required: true, location: here)]
        config.services.append(db)
        let plan = SwarmPlanner(config: config).plan(ObservedSwarm(services: [], secrets: [], networks: []))
        XCTAssertEqual(plan.graphText, """
        [] -> #0 create network p_net: not found
        [0] -> #1 create service db (swarm service p_db): not found
        [0, 1] -> #2 create service web (swarm service p_web): not found {waits for db healthy}

        """)
        var observed = converged(config)
        observed.services.removeAll { $0.name == "p_web" }
        XCTAssertEqual(SwarmPlanner(config: config).plan(observed).graphText, """
        [] -> #0 create service web (swarm service p_web): not found {waits for db healthy}

        """)
    }

    /// A port on 127.0.0.1 is for one machine: the swarm service does not publish it (never on
    /// every address instead); a port on 0.0.0.0 is published.
    func testALoopbackPortIsNotPublished() throws {
        var config = config()
        config.services[0].ports = [PortMapping(hostIP: "127.0.0.1", hostPort: 8080, containerPort: 80, transport: .tcp, location: here),
                                    PortMapping(hostIP: "0.0.0.0", hostPort: 8443, containerPort: 443, transport: .tcp, location: here)]
        let plan = SwarmPlanner(config: config).plan(ObservedSwarm(services: [], secrets: [], networks: []))
        guard case .swarm(.createService(let request)) = plan.steps[1].action else { return XCTFail(plan.graphText) }
        XCTAssertEqual(request.service.ports.map(\.shortForm), ["0.0.0.0:8443:443/tcp"])
        XCTAssertEqual(plan.steps[1].changes.map(\.text).filter { $0.contains("ports") }, ["+ ports 0.0.0.0:8443->443/tcp"])
    }
    /// A read-only file mount is a versioned swarm config (no node needs the file); an edited
    /// file is a new version, the service rotates to it, and the old version is removed.
    func testAReadOnlyFileMountIsAVersionedConfig() throws {
        var config = config()
        config.services[0].volumes = [VolumeMount(kind: .bind, source: "/etc/app/web.conf", target: "/etc/web.conf", readOnly: true, location: here),
                                      VolumeMount(kind: .bind, source: "/srv/data", target: "/data", readOnly: true, location: here)]
        let options = PlanOptions(fingerprintKey: FingerprintKey(bytes: Array(1...32))!)
        let first = SwarmPlanner(config: config, options: options, files: ["/etc/app/web.conf": Array("v1".utf8)])
        let plan = first.plan(ObservedSwarm(services: [], secrets: [], networks: []))
        guard case .swarm(.createConfig(let created)) = plan.steps[0].action, case .swarm(.createService(let request)) = plan.steps[2].action else {
            return XCTFail(plan.graphText)
        }
        XCTAssertTrue(created.name.hasPrefix("p_web_web.conf_") && created.name.count == "p_web_web.conf_".count + 8, created.name)
        XCTAssertEqual(request.configs, [.init(target: "/etc/web.conf", configName: created.name)])
        XCTAssertEqual(request.service.volumes.map(\.target), ["/data"], "a directory stays a bind mount")
        XCTAssertFalse(String(describing: created).contains("v1"), "the contents are never described")

        var observed = converged(config)
        observed.services[0].labels = request.labels
        observed.configs = [ObservedObject(id: "c1", name: created.name, labels: created.labels)]
        XCTAssertTrue(first.plan(observed).steps.isEmpty, first.plan(observed).text)
        let edited = SwarmPlanner(config: config, options: options, files: ["/etc/app/web.conf": Array("v2".utf8)]).plan(observed)
        XCTAssertEqual(edited.steps.count, 3, edited.graphText)
        XCTAssertTrue(edited.graphText.contains("#0 create config p_web_web.conf_"), edited.graphText)
        XCTAssertTrue(edited.graphText.contains("[0] -> #1 update service web"), edited.graphText)
        XCTAssertTrue(edited.graphText.contains("[1] -> #2 remove config \(created.name): no service uses this version"), edited.graphText)
    }

    /// A config's name is what swarmkit accepts: ASCII letters, digits, `-_.`, at most 64 bytes.
    func testAConfigNameIsASCIIAndAtMost64Bytes() throws {
        let planner = SwarmPlanner(config: config(), options: PlanOptions(fingerprintKey: FingerprintKey(bytes: Array(1...32))!))
        let long = try XCTUnwrap(planner.configRequest(source: "/etc/" + String(repeating: "é", count: 40) + "-settings.conf", data: [1], service: "web"))
        XCTAssertLessThanOrEqual(long.name.utf8.count, 64, long.name)
        XCTAssertTrue(long.name.utf8.allSatisfy { $0 < 128 }, long.name)
        XCTAssertTrue(long.name.hasPrefix("p_web_----"), long.name)
        XCTAssertNotNil(long.name.range(of: "^[a-zA-Z0-9][a-zA-Z0-9_.-]*[a-zA-Z0-9]$", options: .regularExpression), long.name)
    }
}
