import SutaYAML
import XCTest
@testable import SutaModel

/// `resources.reservations` (compose's `deploy.resources.reservations`): parsed in the limits'
/// grammar, each at most its limit, merged by profiles key by key, rendered by `config`, and
/// in the fingerprint only when set (containers made before reservations keep their hash).
final class ReservationRuleTests: XCTestCase {
    func testReservationsAreReadAndProfilesMergeThemKeyByKey() throws {
        let plain = try XCTUnwrap(try Fixture.resolve("reservations").config)
        XCTAssertEqual(plain.services.map(\.resources), [
            ResourceLimits(cpus: 2, memoryBytes: 1 << 30, reservations: ResourceReservations(cpus: 0.5, memoryBytes: 512 << 20)),
            ResourceLimits(reservations: ResourceReservations(memoryBytes: 64 << 20)),
        ], "a reservation needs no limit")
        let small = try XCTUnwrap(try Fixture.resolve("reservations", profiles: ["small"]).config)
        XCTAssertEqual(small.services[0].resources,
                       ResourceLimits(cpus: 2, memoryBytes: 256 << 20, reservations: ResourceReservations(cpus: 0.5, memoryBytes: 128 << 20)))
        let unreserved = try XCTUnwrap(try Fixture.resolve("reservations", profiles: ["unreserved"]).config)
        XCTAssertEqual(unreserved.services[0].resources, ResourceLimits(cpus: 2, memoryBytes: 1 << 30), "null removes the reservations")
    }

    func testAProfileLoweringALimitBelowItsReservationIsAnErrorAtTheReservation() throws {
        XCTAssertEqual(try Fixture.messages("reservations", profiles: ["squeezed"]), [
            "reservations/services.yaml:14:26: error: `reservations.cpus` 0.5 is more than the `cpus` limit 0.25\n"
                + "  hint: a container never gets more than its limit, set at reservations/profiles.yaml:28:25",
            "reservations/services.yaml:14:39: error: `reservations.memory` 512M is more than the `memory` limit 256M\n"
                + "  hint: the engine refuses a reservation above the limit, set at reservations/profiles.yaml:28:39",
        ])
    }

    func testBadReservationsArePositionedErrors() throws {
        XCTAssertEqual(try Fixture.messages("bad-reservations"), [
            "bad-reservations/service.yaml:7:20: error: unknown field `memroy` in resources.reservations\n  hint: did you mean `memory`?",
            "bad-reservations/service.yaml:15:26: error: `reservations.cpus` must be at least 0.01 (as a CPU limit), found 0.001\n"
                + "  hint: leave `reservations.cpus` out for no reservation",
            "bad-reservations/service.yaml:15:41: error: `reservations.memory` must be at least 6M (the engine's smallest memory reservation), "
                + "found 1048576 bytes\n  hint: leave `reservations.memory` out for no reservation",
            "bad-reservations/service.yaml:25:26: error: `reservations.cpus` 1 is more than the `cpus` limit 0.5\n"
                + "  hint: a container never gets more than its limit, set at bad-reservations/service.yaml:23:11",
            "bad-reservations/service.yaml:25:37: error: `reservations.memory` 128M is more than the `memory` limit 64M\n"
                + "  hint: the engine refuses a reservation above the limit, set at bad-reservations/service.yaml:24:13",
            "bad-reservations/service.yaml:32:29: error: resources.reservations must be a mapping, found `512M`",
            "bad-reservations/service.yaml:39:49: error: `reservations.cpus` must be a number, found `lots`",
            "bad-reservations/service.yaml:39:63: error: `reservations.memory` is not a memory size: `2 gigs`\n"
                + "  hint: use a number with a unit: 512M, 2G, 1.5G (binary units b, k, m, g, t)",
        ], "a reservation equal to its limit (service `equal`) is fine")
    }

    func testConfigRendersTheReservations() throws {
        let config = try XCTUnwrap(try Fixture.resolve("reservations").config)
        XCTAssertTrue(config.value.json().contains("""
              "pidsLimit": null,
              "reservations": {
                "cpus": 0.5,
                "memoryBytes": 536870912
              },
        """), config.value.json())
        XCTAssertTrue(config.value.json().contains("""
              "reservations": {
                "cpus": null,
                "memoryBytes": 67108864
              },
        """), config.value.json())
    }

    func testOnlyAMemoryReservationEntersTheFingerprint() {
        let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
        var spec = ServiceSpec(name: "api", location: here, image: "img:1")
        spec.resources = ResourceLimits(cpus: 2, memoryBytes: 1 << 30)
        func resources(_ spec: ServiceSpec) -> String? {
            spec.fingerprint(networkName: { $0 }, volumeName: { $0 }, key: nil).groups.first { $0.name == "resources" }?.hash
        }
        XCTAssertEqual(resources(spec), String(SHA256.hex("2.0/1073741824/-").prefix(8)), "the hash of a sutactl without reservations")
        spec.resources.reservations.cpus = 1
        XCTAssertEqual(resources(spec), String(SHA256.hex("2.0/1073741824/-").prefix(8)), "a container has no CPU reservation")
        spec.resources.reservations.memoryBytes = 512 << 20
        XCTAssertEqual(resources(spec), String(SHA256.hex("2.0/1073741824/-/reserve:536870912").prefix(8)))
    }
}
