import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// The planner with literal desired and observed states: no engine.
final class PlannerTests: XCTestCase {
    let here = SourceLocation(file: "m.yaml", line: 1, column: 1)

    func service(_ name: String, image: String = "img:1", dependsOn: [(String, Dependency.Condition)] = [],
                         volume: String? = nil, replicas: Int = 1) -> ServiceSpec {
        var spec = ServiceSpec(name: name, location: here, image: image)
        spec.networks = [NetworkAttachment(network: "net", aliases: [], ipv4Address: nil, location: here)]
        spec.dependsOn = dependsOn.map { Dependency(service: $0.0, condition: $0.1, required: true, location: here) }
        if let volume { spec.volumes = [VolumeMount(kind: .volume, source: volume, target: "/data", readOnly: false, location: here)] }
        spec.replicas = replicas
        return spec
    }

    func config(_ services: [ServiceSpec]) -> ResolvedConfig {
        let volumes = Set(services.flatMap { $0.volumes.compactMap(\.source) }).sorted().map { VolumeSpec(name: $0, location: here) }
        return ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: services,
                              networks: [NetworkSpec(name: "net", location: here)], volumes: volumes)
    }

    /// The containers a successful apply of `config` leaves, all running.
    func converged(_ config: ResolvedConfig, state: ObservedContainer.State = .running) -> ObservedState {
        let planner = Planner(config: config)
        let containers = config.services.flatMap { service in
            (1...max(service.replicas, 1)).filter { _ in service.replicas > 0 }.map { replica in
                let fingerprint = planner.fingerprint(of: service)
                return ObservedContainer(
                    id: "id-\(service.name)-\(replica)" + String(repeating: "0", count: 20), name: "p-\(service.name)-\(replica)",
                    image: service.image,
                    labels: [OwnershipLabels.project: "p", OwnershipLabels.service: service.name, OwnershipLabels.replica: "\(replica)",
                             OwnershipLabels.configFields: fingerprint.fieldsLabel, OwnershipLabels.configHash: fingerprint.hash],
                    state: state, health: .none, created: 100, status: "Up")
            }
        }
        return ObservedState(containers: containers,
                             networks: [ObservedObject(id: "n1", name: "p_net", labels: OwnershipLabels.forObject(project: "p"))],
                             volumes: config.volumes.map { ObservedObject(id: "p_\($0.name)", name: "p_\($0.name)", labels: OwnershipLabels.forObject(project: "p")) })
    }

    func testColdPlanCreatesInDependencyOrder() {
        let desired = config([service("web", dependsOn: [("db", .healthy)]), service("db", volume: "data")])
        let plan = Planner(config: desired).plan(ObservedState())
        XCTAssertEqual(plan.text, """
        create network p_net: not found
        create volume p_data: not found
        create service db (container p-db-1): not found
            + image img:1
        create service web (container p-web-1): not found
            + image img:1

        """)
        XCTAssertEqual(plan.graphText, """
        [] -> #0 create network p_net: not found
        [] -> #1 create volume p_data: not found
        [0, 1] -> #2 create service db (container p-db-1): not found
        [0, 2] -> #3 create service web (container p-web-1): not found {waits for db healthy}

        """)
        XCTAssertEqual(plan.steps[2].after, [0, 1])
        XCTAssertEqual(plan.steps[3].after, [0, 2], "web waits for the network and for db's step")
        XCTAssertEqual(plan.steps[3].waitFor, [PlanStep.Wait(service: "db", condition: .healthy)])
    }

    func testConvergedStateIsANoOp() {
        let desired = config([service("web", dependsOn: [("db", .healthy)]), service("db", volume: "data")])
        let plan = Planner(config: desired).plan(converged(desired))
        XCTAssertTrue(plan.isEmpty)
        XCTAssertEqual(plan.unchanged, ["db", "web"])
        XCTAssertEqual(plan.text, "no changes: 2 services up to date\n")
    }

    func testChangedEnvironmentRecreatesExactlyThatServiceAndNamesTheField() {
        let before = config([service("web"), service("db")])
        var changed = service("web")
        changed.environment = [EnvironmentVariable(name: "MODE", value: "debug", isSecret: false)]
        let plan = Planner(config: config([changed, service("db")])).plan(converged(before))
        XCTAssertEqual(plan.text, "recreate service web (container p-web-1 id-web-10000): config changed: environment\n")
        XCTAssertEqual(plan.unchanged, ["db"])
    }

    func testSecretValuesChangeTheHashWithoutAppearingInLabels() {
        var a = service("web"), b = service("web")
        a.environment = [EnvironmentVariable(name: "DB_PASSWORD", value: "first-secret", isSecret: true)]
        b.environment = [EnvironmentVariable(name: "DB_PASSWORD", value: "second-secret", isSecret: true)]
        let key = FingerprintKey(bytes: Array(1...32))
        let planner = Planner(config: config([a]), options: PlanOptions(fingerprintKey: key))
        let fa = planner.fingerprint(of: a), fb = planner.fingerprint(of: b)
        XCTAssertNotEqual(fa.hash, fb.hash)
        XCTAssertEqual(fb.changedGroups(since: fa), ["environment"])
        XCTAssertFalse(fa.fieldsLabel.contains("first-secret") || fa.hash.contains("first-secret"))
    }

    func testReplicasDependsOnAndGatewayDoNotRecreate() {
        let before = config([service("web"), service("db")])
        var after = service("web", dependsOn: [("db", .started)])
        after.gateway = GatewaySpec(port: 80, routes: [])
        after.supervised = true
        XCTAssertTrue(Planner(config: config([after, service("db")])).plan(converged(before)).isEmpty)
    }

    func testStoppedContainerIsStartedAndMissingOneRecreated() {
        let desired = config([service("web"), service("db")])
        var observed = converged(desired)
        observed.containers[0].state = .exited
        observed.containers.remove(at: 1)
        XCTAssertEqual(Planner(config: desired).plan(observed).text, """
        create service db (container p-db-1): not found
            + image img:1
        start service web (container p-web-1 id-web-10000): exited

        """)
    }

    func testDuplicatesAreRemovedKeepingTheMatchingRunningOne() {
        let desired = config([service("web")])
        var observed = converged(desired)
        var stale = observed.containers[0]
        stale.id = "stale" + String(repeating: "1", count: 20)
        stale.name = "p-web-1-old"
        stale.labels[OwnershipLabels.configFields] = "image=00000000"
        stale.created = 200
        observed.containers.append(stale)
        XCTAssertEqual(Planner(config: desired).plan(observed).text,
                       "remove service web (container p-web-1-old stale1111111): duplicate of replica 1\n")
    }

    func testForeignContainerWithOurNameIsAConflictNotAnAction() {
        let desired = config([service("web")])
        var observed = converged(desired)
        observed.containers[0].labels = [:]
        let plan = Planner(config: desired).plan(observed)
        XCTAssertEqual(plan.conflicts.map(\.description), [
            "container `p-web-1` (id-web-10000) already exists and was not created by sutactl; remove or rename it, sutactl will not touch it",
        ])
        XCTAssertTrue(plan.steps.isEmpty)
    }

    func testPruneRemovesWhatIsNoLongerDesiredAndKeepsVolumesUnlessAsked() {
        let before = config([service("web"), service("old", volume: "olddata")])
        let observed = converged(before)
        let desired = config([service("web")])
        let kept = Planner(config: desired).plan(observed)
        XCTAssertTrue(kept.steps.isEmpty)
        XCTAssertEqual(kept.orphans, ["old"])
        XCTAssertEqual(Planner(config: desired, options: PlanOptions(prune: true)).plan(observed).text,
                       "remove service old (container p-old-1 id-old-10000): orphan: no longer in the manifests\n")
        XCTAssertEqual(Planner(config: desired, options: PlanOptions(prune: true, pruneVolumes: true)).plan(observed).text, """
        remove service old (container p-old-1 id-old-10000): orphan: no longer in the manifests
        remove volume p_olddata: no longer desired

        """)
    }

    func testScaleDownAndUp() {
        let three = config([service("web", replicas: 3)])
        let observed = converged(three)
        XCTAssertEqual(Planner(config: config([service("web", replicas: 1)])).plan(observed).text, """
        remove service web (container p-web-2 id-web-20000): scaled down to 1
        remove service web (container p-web-3 id-web-30000): scaled down to 1

        """)
        XCTAssertEqual(Planner(config: config([service("web", replicas: 4)])).plan(observed).text,
                       "create service web (container p-web-4): not found\n    + image img:1\n")
    }
}
