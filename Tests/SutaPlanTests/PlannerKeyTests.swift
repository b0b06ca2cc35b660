import SutaModel
import SutaYAML
import XCTest
@testable import SutaPlan

/// The planner with the project's fingerprint key: a service whose environment holds a
/// secret compares only under the key its label was written with; otherwise it is unknown
/// and kept, never recreated for want of a key.
final class PlannerKeyTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
    private let key = FingerprintKey(bytes: Array(1...32))!

    private func config(password: String) -> ResolvedConfig {
        var db = ServiceSpec(name: "db", location: here, image: "img:1")
        db.environment = [EnvironmentVariable(name: "DB_PASSWORD", value: password, isSecret: true)]
        return ResolvedConfig(project: ProjectSpec(name: "p"), profiles: [], services: [db, ServiceSpec(name: "web", location: here, image: "img:1")],
                              networks: [], volumes: [])
    }

    /// The containers an apply with `key` leaves.
    private func applied(_ config: ResolvedConfig, key: FingerprintKey) -> ObservedState {
        let planner = Planner(config: config, options: PlanOptions(fingerprintKey: key))
        return ObservedState(containers: config.services.map { service in
            let fingerprint = planner.fingerprint(of: service)
            return ObservedContainer(id: "id-\(service.name)-1" + String(repeating: "0", count: 20), name: "p-\(service.name)-1", image: service.image,
                                     labels: [OwnershipLabels.project: "p", OwnershipLabels.service: service.name, OwnershipLabels.replica: "1",
                                              OwnershipLabels.configFields: fingerprint.fieldsLabel, OwnershipLabels.configHash: fingerprint.hash],
                                     state: .running, health: .none, created: 100, status: "Up")
        }, networks: [], volumes: [])
    }

    func testUnderTheSameKeyANoOpIsANoOpAndANewPasswordRecreates() {
        let observed = applied(config(password: "hunter2"), key: key)
        let same = Planner(config: config(password: "hunter2"), options: PlanOptions(fingerprintKey: key)).plan(observed)
        XCTAssertEqual(same.text, "no changes: 2 services up to date\n")
        let changed = Planner(config: config(password: "hunter3"), options: PlanOptions(fingerprintKey: key)).plan(observed)
        XCTAssertEqual(changed.text, "recreate service db (container p-db-1 id-db-100000): config changed: environment\n")
    }

    func testWithoutAKeyOrUnderAnotherTheEnvironmentIsUnknownAndNothingIsRecreated() throws {
        let observed = applied(config(password: "hunter2"), key: key)
        let keyless = Planner(config: config(password: "whatever")).plan(observed)
        XCTAssertEqual(keyless.text, """
        unknown: service db: environment (no fingerprint key in the state directory)
        no changes: 2 services up to date

        """)
        let other = try XCTUnwrap(FingerprintKey(bytes: Array(repeating: 9, count: 32)))
        let foreign = Planner(config: config(password: "whatever"), options: PlanOptions(fingerprintKey: other)).plan(observed)
        XCTAssertEqual(foreign.text, """
        unknown: service db: environment (recorded with another fingerprint key)
        no changes: 2 services up to date

        """)
        XCTAssertTrue(foreign.steps.isEmpty, "a new key never recreates a working container")
    }

    func testALabelWithThePlainHashOfASecretIsReplacedOnce() throws {
        var observed = applied(config(password: "hunter2"), key: key)
        var fields = try XCTUnwrap(ConfigFingerprint(label: try XCTUnwrap(observed.containers[0].labels[OwnershipLabels.configFields])))
        let environment = try XCTUnwrap(fields.groups.firstIndex { $0.name == "environment" })
        fields.groups[environment].hash = String(SHA256.hex("19:DB_PASSWORD=hunter2").prefix(8))
        observed.containers[0].labels[OwnershipLabels.configFields] = fields.fieldsLabel
        let plan = Planner(config: config(password: "hunter2"), options: PlanOptions(fingerprintKey: key)).plan(observed)
        XCTAssertEqual(plan.text, """
        recreate service db (container p-db-1 id-db-100000): config changed: environment (unkeyed hash from an older sutactl)

        """)
    }
}
