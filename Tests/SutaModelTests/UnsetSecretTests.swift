import XCTest
@testable import SutaModel

/// Unset secrets: apply refuses them with one line per variable; read-only commands resolve
/// with a placeholder that never shows and makes the field group unknown, not drifted.
final class UnsetSecretTests: XCTestCase {
    private let hint = "\n  hint: export DB_PASSWORD=... or put it in the .env file beside the manifests"

    func testOneErrorPerVariableListingEveryUse() throws {
        XCTAssertEqual(try Fixture.messages("secret-used-twice"), [
            "secret-used-twice/services.yaml:7:18: error: required secret `DB_PASSWORD` is not set; used at "
                + "secret-used-twice/services.yaml:7:18, secret-used-twice/services.yaml:16:24" + hint,
        ])
        XCTAssertNil(try Fixture.resolve("secret-used-twice").config)
    }

    func testReadOnlyCommandsResolveWithAPlaceholderAndAWarning() throws {
        let resolution = try Fixture.resolve("secret-used-twice", allowsUnsetSecrets: true)
        XCTAssertEqual(resolution.diagnostics.map(\.description), [
            "secret-used-twice/services.yaml:7:18: warning: required secret `DB_PASSWORD` is not set; used at "
                + "secret-used-twice/services.yaml:7:18, secret-used-twice/services.yaml:16:24" + hint,
        ])
        let config = try XCTUnwrap(resolution.config)
        let api = try XCTUnwrap(config.services.first { $0.name == "api" })
        XCTAssertEqual(UnsetSecret.variables(in: api.environment[0].value), ["DB_PASSWORD"])
        XCTAssertTrue(api.environment[0].isSecret)
        XCTAssertFalse(config.value.json().contains("unset-secret"), "the placeholder prints as *** like any secret")
        let fingerprint = api.fingerprint(networkName: { $0 }, volumeName: { $0 }, key: nil)
        XCTAssertEqual(fingerprint.unknownGroups, ["environment (DB_PASSWORD unset)"])
    }

    func testAFixedHostPortWithSeveralReplicasIsRefused() throws {
        XCTAssertEqual(try Fixture.messages("replicas-fixed-port"), [
            "replicas-fixed-port/services.yaml:7:11: error: `web` has 2 replicas but publishes the fixed host port 8080: "
                + "only one container can hold it\n  hint: leave the host port out (`127.0.0.1::80`) to get one per replica, or set replicas: 1",
        ])
    }
}
