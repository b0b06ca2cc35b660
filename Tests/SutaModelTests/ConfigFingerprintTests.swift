import SutaYAML
import XCTest
@testable import SutaModel

/// Field-group fingerprints: groups holding secrets are keyed, and what cannot be compared
/// (no key, another key, an unset secret) is unknown, never changed.
final class ConfigFingerprintTests: XCTestCase {
    private let here = SourceLocation(file: "m.yaml", line: 1, column: 1)
    private let key = FingerprintKey(bytes: Array(1...32))!
    private let otherKey = FingerprintKey(bytes: Array(101...132))!

    private func service(password: String, region: String = "eu") -> ServiceSpec {
        var spec = ServiceSpec(name: "db", location: here, image: "img:1")
        spec.environment = [EnvironmentVariable(name: "DB_PASSWORD", value: password, isSecret: true),
                            EnvironmentVariable(name: "REGION", value: region, isSecret: false)]
        return spec
    }

    private func fingerprint(_ spec: ServiceSpec, _ key: FingerprintKey?) -> ConfigFingerprint {
        spec.fingerprint(networkName: { $0 }, volumeName: { $0 }, key: key)
    }

    private func hash(_ fingerprint: ConfigFingerprint, _ group: String) -> String? {
        fingerprint.groups.first { $0.name == group }?.hash
    }

    func testTheKeyFileFormRoundTripsAndNothingElseIsAKey() throws {
        XCTAssertEqual(key.fileText, "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20\n")
        XCTAssertEqual(FingerprintKey(fileText: key.fileText), key)
        XCTAssertEqual(FingerprintKey(fileText: "0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20"), key)
        for bad in ["", "0102", String(repeating: "g", count: 64), key.fileText + "00", " " + key.fileText] {
            XCTAssertNil(FingerprintKey(fileText: bad), bad)
        }
        XCTAssertNil(FingerprintKey(bytes: Array(1...16)))
        XCTAssertEqual("\(key)", "fingerprint key \(key.id)")
        var dumped = ""
        dump(key, to: &dumped)
        XCTAssertEqual(dumped, "▿ fingerprint key \(key.id)\n  - id: \"\(key.id)\"\n", "the key's bytes never show")
    }

    func testTheEnvironmentWithASecretIsKeyedAndTheOtherGroupsArePlain() {
        let spec = service(password: "hunter2")
        let keyed = fingerprint(spec, key)
        let text = "19:DB_PASSWORD=hunter2,9:REGION=eu"
        XCTAssertEqual(hash(keyed, "environment"), "hmac:\(key.id):" + String(HMACSHA256.hex(key: key.bytes, message: Array(text.utf8)).prefix(8)))
        XCTAssertNotEqual(hash(keyed, "environment"), String(SHA256.hex(text).prefix(8)))
        XCTAssertFalse(keyed.fieldsLabel.contains(String(SHA256.hex(text).prefix(8))), "no plain hash of the secret anywhere")
        XCTAssertEqual(hash(keyed, "image"), String(SHA256.hex("img:1").prefix(8)))
        var plain = spec
        plain.environment[0].isSecret = false
        plain.environment[0].name = "MODE"
        XCTAssertEqual(hash(fingerprint(plain, key), "environment"), String(SHA256.hex("12:MODE=hunter2,9:REGION=eu").prefix(8)),
                       "an environment without secrets keeps its plain hash")
        XCTAssertEqual(hash(fingerprint(plain, nil), "environment"), hash(fingerprint(plain, key), "environment"))
    }

    func testSameKeyComparesAndAChangedSecretIsAChange() {
        let recorded = fingerprint(service(password: "hunter2"), key)
        XCTAssertEqual(fingerprint(service(password: "hunter2"), key).changedGroups(since: recorded), [])
        XCTAssertEqual(fingerprint(service(password: "hunter3"), key).changedGroups(since: recorded), ["environment"])
        XCTAssertEqual(fingerprint(service(password: "hunter3"), key).unknownGroups(since: recorded), [])
    }

    func testWithoutTheKeyTheEnvironmentIsUnknownNotChanged() {
        let recorded = fingerprint(service(password: "hunter2"), key)
        let keyless = fingerprint(service(password: "anything", region: "us"), nil)
        XCTAssertEqual(hash(keyless, "environment"), "nokey")
        XCTAssertEqual(keyless.changedGroups(since: recorded), [])
        XCTAssertEqual(keyless.unknownGroups, ["environment (no fingerprint key in the state directory)"])

        let foreign = fingerprint(service(password: "anything"), otherKey)
        XCTAssertEqual(foreign.changedGroups(since: recorded), [], "another key cannot tell a changed value from the same one")
        XCTAssertEqual(foreign.unknownGroups, [])
        XCTAssertEqual(foreign.unknownGroups(since: recorded), ["environment (recorded with another fingerprint key)"])

        var image = service(password: "hunter2")
        image.image = "img:2"
        XCTAssertEqual(fingerprint(image, otherKey).changedGroups(since: recorded), ["image"], "the other groups still compare")
    }

    func testAnUnsetSecretIsUnknownWhateverTheKey() {
        let recorded = fingerprint(service(password: "hunter2"), key)
        let unset = fingerprint(service(password: UnsetSecret.placeholder("DB_PASSWORD")), key)
        XCTAssertEqual(hash(unset, "environment"), "unset:DB_PASSWORD")
        XCTAssertEqual(unset.changedGroups(since: recorded), [])
        XCTAssertEqual(unset.unknownGroups(since: recorded), ["environment (DB_PASSWORD unset)"])
    }

    func testAPlainLabelOfAGroupHoldingASecretIsAChangeThatSaysWhy() {
        let spec = service(password: "hunter2")
        var legacy = fingerprint(spec, key)
        let index = legacy.groups.firstIndex { $0.name == "environment" }!
        legacy.groups[index].hash = String(SHA256.hex("19:DB_PASSWORD=hunter2,9:REGION=eu").prefix(8))
        XCTAssertEqual(fingerprint(spec, key).changedGroups(since: legacy), ["environment (unkeyed hash from an older sutactl)"])
        XCTAssertEqual(ConfigFingerprint(label: legacy.fieldsLabel), legacy)
        XCTAssertEqual(ConfigFingerprint(label: fingerprint(spec, key).fieldsLabel), fingerprint(spec, key), "the keyed form parses back")
    }
}
