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

/// Field-level changes, Terraform-style, against the settings last applied.
final class PlannerFieldChangeTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
    private let names = ResourceNames(project: "p")
    /// The project's fingerprint key: the environment holds a secret.
    private let options = PlanOptions(fingerprintKey: FingerprintKey(bytes: Array(repeating: 7, count: FingerprintKey.byteCount)))

    private func cache() -> ServiceSpec {
        var spec = ServiceSpec(name: "cache", location: here, image: "img:1")
        spec.resources.memoryBytes = 64 << 20
        spec.ports = [PortMapping(hostIP: "127.0.0.1", hostPort: 8080, containerPort: 80, transport: .tcp, location: here)]
        spec.environment = [EnvironmentVariable(name: "MODE", value: "one", isSecret: false),
                            EnvironmentVariable(name: "CACHE_PASSWORD", value: "first-secret", isSecret: true)]
        return spec
    }

    private func running(_ spec: ServiceSpec) -> ObservedState {
        let planner = Planner(config: ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [spec], networks: [], volumes: []),
                              options: options)
        let fingerprint = planner.fingerprint(of: spec)
        let container = ObservedContainer(id: "c1" + String(repeating: "0", count: 20), name: "p-cache-1", image: spec.image,
                                          labels: [OwnershipLabels.project: "p", OwnershipLabels.service: "cache", OwnershipLabels.replica: "1",
                                                   OwnershipLabels.configFields: fingerprint.fieldsLabel],
                                          state: .running, health: .none, created: 1, status: "Up")
        return ObservedState(containers: [container], applied: ["cache": ServiceSettings(service: spec, names: names)])
    }

    private func plan(_ spec: ServiceSpec, observed: ObservedState) -> Plan {
        Planner(config: ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [spec], networks: [], volumes: []),
                options: options).plan(observed)
    }

    func testEachChangedFieldIsShownWithItsValues() {
        let observed = running(cache())
        var changed = cache()
        changed.resources.memoryBytes = 96 << 20
        changed.environment.append(EnvironmentVariable(name: "FEATURE", value: "on", isSecret: false))
        changed.ports = []
        XCTAssertEqual(plan(changed, observed: observed).text, """
        recreate service cache (container p-cache-1 c10000000000): config changed: environment, ports, resources
            + environment.FEATURE "on"
            ~ resources.memory 64M -> 96M
            - ports 127.0.0.1:8080->80/tcp

        """)
    }

    func testASecretChangeIsSaidWithoutItsValue() {
        let observed = running(cache())
        var changed = cache()
        changed.environment[1].value = "second-secret"
        let text = plan(changed, observed: observed).text
        XCTAssertEqual(text, """
        recreate service cache (container p-cache-1 c10000000000): config changed: environment
            ~ environment (a secret value changed)

        """)
        XCTAssertFalse(text.contains("secret-"))
        let record = ServiceSettings(service: changed, names: names)
        XCTAssertFalse(record.fields.contains { $0.value.contains("second-secret") }, "the record never holds a secret value")
        XCTAssertEqual(record.fields.first { $0.path == "environment.CACHE_PASSWORD" }, .init(path: "environment.CACHE_PASSWORD", value: "", secret: true))
    }

    func testWithoutARecordOnlyTheGroupsAreNamed() {
        var observed = running(cache())
        observed.applied = [:]
        var changed = cache()
        changed.image = "img:2"
        XCTAssertEqual(plan(changed, observed: observed).text, "recreate service cache (container p-cache-1 c10000000000): config changed: image\n")
    }
}
