import XCTest
@testable import SutaModel

/// Engine mode swarm: what a swarm service cannot honour is an error at the field, and
/// `placement` needs the swarm; `--engine` (the resolver's override) wins over the Project.
final class EngineModeRuleTests: XCTestCase {
    func testSwarmRefusesWhatItCannotHonour() throws {
        let resolution = try Fixture.resolve("swarm-refused")
        XCTAssertNil(resolution.config)
        XCTAssertEqual(resolution.diagnostics.map(\.description), [
            // A loopback port stays unpublished (never widened to every address): a warning
            // (web has no network: nothing reaches it by name).
            "swarm-refused/app.yaml:17:11: warning: port 127.0.0.1:8080:80/tcp is not published in engine mode swarm: a swarm service cannot"
                + " publish on 127.0.0.1 only\n"
                + "  hint: to publish it on every address of its node, a profile can write 0.0.0.0:8080:80 (examples/swarm)",
            "swarm-refused/app.yaml:17:32: error: port 10.0.0.1:8082:81/tcp: a swarm service publishes on every address of its node, not on 10.0.0.1\n"
                + "  hint: write it as 0.0.0.0:8082:81",
            "swarm-refused/app.yaml:17:32: error: a swarm service publishes ports (host mode) only from an overlay network\n"
                + "  hint: attach the service to a network",
            "swarm-refused/app.yaml:18:17: error: `security_opt` cannot be honoured in engine mode swarm: swarm services take no security options",
            "swarm-refused/app.yaml:19:15: error: `supervised` cannot be honoured in engine mode swarm: the swarm restarts and replaces tasks itself (use `restart`)",
            "swarm-refused/app.yaml:20:29: error: placement constraint `node.role` needs `==` or `!=`\n"
                + "  hint: e.g. `node.role == worker`, `node.labels.zone != b`",
            "swarm-refused/app.yaml:30:25: error: swarm services get their addresses from the overlay network: `ipv4_address` cannot be honoured",
            "swarm-refused/app.yaml:30:25: error: `api` asks for address 10.0.0.5, but network `net` has no ipam subnet\n"
                + "  hint: static addresses need `ipam.subnet` on the network",
        ])
    }

    func testPlacementNeedsSwarmAndTheOverrideWins() throws {
        var resolver = ConfigResolver(variables: [:], defaultProjectName: "fixture")
        resolver.engineMode = .docker
        let messages = resolver.resolve(try Fixture.files("swarm-refused")).diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.hasPrefix("swarm-refused/app.yaml:20:14: error: `placement` needs engine mode swarm") }, "\(messages)")
        XCTAssertFalse(messages.contains { $0.contains("security_opt") }, "\(messages)")
        // Docker mode keeps one container per fixed host port.
        XCTAssertTrue(messages.contains { $0.contains("`api` has 3 replicas but publishes the fixed host port 8081") }, "\(messages)")
    }

    func testSwarmChecksOnlyWhatTheProfileRunsAfterItsOverrides() throws {
        let small = try Fixture.resolve("swarm-profile", profiles: ["small"])
        XCTAssertEqual(small.config?.services.map(\.name), ["api"], "\(small.diagnostics.map(\.description))")
        XCTAssertEqual(small.config?.services.first?.ports.first?.hostIP, "0.0.0.0")
        // With the gateway server in the profile, the route cannot be honoured.
        let routed = try Fixture.messages("swarm-profile", profiles: ["routed"])
        XCTAssertEqual(routed, ["swarm-profile/app.yaml:22:12: error: `gateway` cannot be honoured in engine mode swarm: "
                                + "gateway routes are not mapped onto swarm services yet"])
    }
}
