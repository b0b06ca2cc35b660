import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// Image builds in the plan: a build step only when the image's recorded build hash differs,
/// before the containers of the services using the image, which are recreated when it changes.
final class PlannerBuildTests: XCTestCase {
    let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
    func service(_ name: String, image: String = "img:1") -> ServiceSpec {
        ServiceSpec(name: name, location: here, image: image)
    }

    func built(_ name: String, digest: String, image: String = "p-web") -> ServiceSpec {
        var spec = service(name, image: image)
        spec.build = BuildSpec(context: "/src/web", location: here, contextDigest: digest)
        return spec
    }

    func config(_ services: [ServiceSpec]) -> ResolvedConfig {
        ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: services, networks: [], volumes: [])
    }

    /// The engine after a successful apply of `config`: its containers, running, and the built images.
    func converged(_ config: ResolvedConfig) -> ObservedState {
        let planner = Planner(config: config)
        var observed = ObservedState(containers: config.services.map { service in
            let fingerprint = planner.fingerprint(of: service)
            return ObservedContainer(id: "id-\(service.name)-1" + String(repeating: "0", count: 20), name: "p-\(service.name)-1", image: service.image,
                                     labels: [OwnershipLabels.project: "p", OwnershipLabels.service: service.name, OwnershipLabels.replica: "1",
                                              OwnershipLabels.configFields: fingerprint.fieldsLabel, OwnershipLabels.configHash: fingerprint.hash],
                                     state: .running, health: .none, created: 100, status: "Up")
        })
        for service in config.services { if let build = service.build { observed.imageBuildHashes[service.image] = build.hash } }
        return observed
    }

    func testColdPlanBuildsBeforeTheContainersUsingTheImage() {
        let desired = config([built("web", digest: "d1"), service("worker", image: "p-web"), service("db")])
        let plan = Planner(config: desired).plan(ObservedState())
        let hash = desired.services[0].build!.hash
        XCTAssertEqual(plan.graphText, """
        [] -> #0 build service web (image p-web): image not found
        [] -> #1 create service db (container p-db-1): not found
        [0] -> #2 create service web (container p-web-1): not found
        [0] -> #3 create service worker (container p-worker-1): not found

        """)
        XCTAssertEqual(plan.steps[0].changes.map(\.text), ["+ build.hash \(hash)"])
    }

    func testUnchangedContextBuildsNothing() {
        let desired = config([built("web", digest: "d1")])
        let plan = Planner(config: desired).plan(converged(desired))
        XCTAssertTrue(plan.isEmpty, plan.text)
    }

    func testChangedContextRebuildsAndRecreates() {
        let before = config([built("web", digest: "d1")])
        var observed = converged(before)
        let names = ResourceNames(project: "p")
        observed.applied = ["web": ServiceSettings(service: before.services[0], names: names)]
        let after = config([built("web", digest: "d2")])
        let plan = Planner(config: after).plan(observed)
        let (old, new) = (before.services[0].build!.hash, after.services[0].build!.hash)
        XCTAssertNotEqual(old, new)
        XCTAssertEqual(plan.graphText, """
        [] -> #0 build service web (image p-web): context or build settings changed
        [0] -> #1 recreate service web (container p-web-1 id-web-10000): config changed: build {rollout start-first, rollback, monitor 2s}

        """)
        XCTAssertEqual(plan.steps[0].changes.map(\.text), ["~ build.hash \(old) -> \(new)"])
        XCTAssertEqual(plan.steps[1].changes.map(\.text), ["~ build.hash \(old) -> \(new)"])
    }

    func testBuildSettingsAreInTheHashAndTheHostPathIsNot() {
        let base = BuildSpec(context: "/src/web", location: here, contextDigest: "d1")
        var moved = base
        moved.context = "/elsewhere/web"
        XCTAssertEqual(moved.hash, base.hash, "moving the project rebuilds nothing")
        for change in [{ (spec: inout BuildSpec) in spec.dockerfile = "Dockerfile.dev" }, { $0.args = ["A": "1"] },
                       { $0.target = "final" }, { $0.labels = ["team": "core"] }, { $0.contextDigest = "d2" }] {
            var changed = base
            change(&changed)
            XCTAssertNotEqual(changed.hash, base.hash)
        }
    }

    func testMissingImageIsRebuiltWithoutRecreatingItsContainer() {
        let desired = config([built("web", digest: "d1")])
        var observed = converged(desired)
        observed.imageBuildHashes = [:]
        let plan = Planner(config: desired).plan(observed)
        XCTAssertEqual(plan.steps.map(\.action.verb), ["build"], plan.text)
    }

    func testAnImageNoServiceRunsIsNotBuilt() {
        var web = built("web", digest: "d1")
        web.replicas = 0
        let plan = Planner(config: config([web])).plan(ObservedState())
        XCTAssertFalse(plan.steps.contains { $0.action.verb == "build" }, plan.text)
    }
}
