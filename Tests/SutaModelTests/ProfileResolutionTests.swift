import XCTest
@testable import SutaModel

final class ProfileResolutionTests: XCTestCase {
    func testDefaultProfileSelectsEverything() throws {
        let config = try XCTUnwrap(try Fixture.resolve("profile-overrides").config)
        XCTAssertEqual(config.profiles, ["everything"])
        XCTAssertEqual(config.services.map(\.name), ["api", "worker"])
        XCTAssertEqual(config.services[0].user, "0:0")
        XCTAssertEqual(config.services[0].capDrop, [])
    }

    func testSelectionPlusOverlayMergesDefaultsThenOverrides() throws {
        let config = try XCTUnwrap(try Fixture.resolve("profile-overrides", profiles: ["just-api", "hardened"]).config)
        XCTAssertEqual(config.profileDisplayName, "just-api,hardened")
        XCTAssertEqual(config.services.map(\.name), ["api"])
        let api = config.services[0]
        XCTAssertEqual(api.capDrop, ["ALL"])
        XCTAssertTrue(api.readOnlyRootFilesystem)
        XCTAssertNil(api.user, "a null in an override removes the field")
        XCTAssertEqual(api.resources, ResourceLimits(cpus: 2, memoryBytes: 256 << 20), "mappings merge key by key")
        XCTAssertEqual(api.ports.map(\.shortForm), ["127.0.0.1:8080:80/tcp"])
    }

    func testOverlayAloneAppliesOnTopOfTheDefaultProfile() throws {
        let config = try XCTUnwrap(try Fixture.resolve("profile-overrides", profiles: ["hardened"]).config)
        XCTAssertEqual(config.services.map(\.name), ["api", "worker"])
        XCTAssertEqual(config.services.map(\.readOnlyRootFilesystem), [true, false], "the override wins over the defaults")
        XCTAssertEqual(config.services.map(\.capDrop), [["ALL"], ["ALL"]])
    }

    func testValidManifestDecodesEveryField() throws {
        let resolution = try Fixture.resolve("valid", variables: ["DB_PASS": "x"])
        XCTAssertEqual(resolution.diagnostics.map(\.description), [])
        let config = try XCTUnwrap(resolution.config)
        XCTAssertEqual(config.project.name, "shop")
        XCTAssertEqual(config.networks.map(\.name), ["shop-net"])
        XCTAssertEqual(config.volumes.map(\.name), ["dbdata"])
        let api = config.services[0], db = config.services[1]
        XCTAssertEqual(api.command, ["uvicorn", "main:app", "--port", "8000"])
        XCTAssertEqual(api.environment.map { "\($0.name)=\($0.value)" }, ["DEBUG=false", "MODE=prod"])
        XCTAssertEqual(api.ports.map(\.shortForm), ["127.0.0.1:18000:8000/tcp"], "host IP defaults to loopback")
        XCTAssertEqual(api.volumes.map(\.kind), [.bind, .tmpfs])
        XCTAssertEqual(api.volumes[0].source, "/valid/config")
        XCTAssertTrue(api.volumes[0].readOnly)
        XCTAssertEqual(api.healthcheck, HealthCheck(probe: .http(port: 8000, path: "/health"), interval: .seconds(90)))
        XCTAssertEqual(api.restart, RestartPolicy(name: .onFailure, maximumRetryCount: 3))
        XCTAssertTrue(api.noNewPrivileges)
        XCTAssertEqual(api.gateway?.routes.first, GatewayRoute(name: "api", paths: ["/api"], methods: ["GET", "POST"], hosts: [], stripPath: true))
        XCTAssertEqual(api.discovery?.check, DiscoveryCheck(kind: .http(path: "/health"), interval: .seconds(10), timeout: .seconds(2)))
        XCTAssertEqual(db.resources, ResourceLimits(cpus: 0.5, memoryBytes: 512 << 20))
        XCTAssertEqual(db.networks, [NetworkAttachment(network: "shop-net", aliases: ["database"], ipv4Address: "172.28.0.10",
                                                       location: db.networks[0].location, addressLocation: db.networks[0].addressLocation)])
        XCTAssertEqual(db.healthcheck?.probe, .command(["CMD-SHELL", "pg_isready -U shop"]))
        XCTAssertEqual(db.healthcheck?.retries, 5)
        XCTAssertEqual(db.metadataLabels, ["tier": "data"])
    }
}
