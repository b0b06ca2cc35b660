import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// Orphans versus services outside the profile, reverse dependency order for removals, stop
/// grace periods in the plan, and fields that depend on unset secrets.
extension PlannerTests {
    func testOrphansAreNamedApartFromServicesOutsideTheProfile() {
        let observed = converged(config([service("web"), service("old"), service("docs")]))
        var desired = config([service("web")])
        desired.declaredServices = ["web", "docs"]
        let plan = Planner(config: desired).plan(observed)
        XCTAssertEqual(plan.text, """
        orphans (no longer in the manifests; kept, --prune removes them): old
        not in the active profile (kept; --prune removes them): docs
        no changes: 1 services up to date

        """)
    }

    func testDownRemovesDependentsBeforeWhatTheyDependOnAndUsesEachContainersOwnGrace() {
        var observed = converged(config([service("db"), service("api"), service("web"), service("cache")]))
        for index in observed.containers.indices {
            switch observed.containers[index].service {
            case "api": observed.containers[index].labels[OwnershipLabels.dependsOn] = "cache,db"
            case "web": observed.containers[index].labels[OwnershipLabels.dependsOn] = "api"
            default: break
            }
        }
        let empty = ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [], networks: [], volumes: [])
        let plan = Planner(config: empty, options: PlanOptions(prune: true)).plan(observed)
        func step(_ service: String) -> PlanStep { plan.steps.first { $0.action.service == service }! }
        XCTAssertEqual(step("web").after, [])
        XCTAssertEqual(step("api").after, [step("web").id])
        XCTAssertEqual(step("db").after, [step("api").id])
        XCTAssertEqual(step("cache").after, [step("api").id])
        for removal in plan.steps where removal.action.service != nil {
            guard case .removeContainer(_, _, _, let grace) = removal.action else { return XCTFail("\(removal.action)") }
            XCTAssertNil(grace, "down uses the grace period each container was created with")
        }
    }

    func testRecreateCarriesTheServiceGraceAndItsHostPorts() {
        var web = service("web")
        let observed = converged(config([web]))
        web.image = "img:2"
        web.stopGracePeriod = .seconds(20)
        web.ports = [PortMapping(hostIP: "127.0.0.1", hostPort: 8080, containerPort: 80, transport: .tcp, location: here)]
        let plan = Planner(config: config([web])).plan(observed)
        XCTAssertEqual(plan.steps.count, 1)
        guard case .recreateContainer(_, _, _, _, let changed, let grace) = plan.steps[0].action else { return XCTFail() }
        XCTAssertEqual(changed, ["image", "ports", "stop"])
        XCTAssertEqual(grace, .seconds(20))
        XCTAssertEqual(plan.steps[0].freeHostPorts.map(\.description), ["127.0.0.1:8080/tcp"])
    }

    func testAFieldUsingAnUnsetSecretIsUnknownNotDrift() {
        var db = service("db")
        db.environment = [EnvironmentVariable(name: "DB_PASSWORD", value: "s3cret", isSecret: true)]
        let observed = converged(config([db]))
        db.environment = [EnvironmentVariable(name: "DB_PASSWORD", value: UnsetSecret.placeholder("DB_PASSWORD"), isSecret: true)]
        let plan = Planner(config: config([db])).plan(observed)
        XCTAssertEqual(plan.text, """
        unknown: service db: environment (DB_PASSWORD unset)
        no changes: 1 services up to date

        """)
        db.image = "img:2"
        XCTAssertEqual(Planner(config: config([db])).plan(observed).steps.map(\.cause), ["config changed: image"],
                       "what can be compared still is")
    }
}
