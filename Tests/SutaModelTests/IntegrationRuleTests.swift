import XCTest
@testable import SutaModel

/// Rules that keep out of an apply what Kong, Consul and the Docker Engine would refuse,
/// each against a fixture in Fixtures/ (exact `file:line:col: severity: message` lines).
final class IntegrationRuleTests: XCTestCase {
    private let hostHint = "\n  hint: write a host name or address, optionally with :PORT, and at most one `*` as its first or last label"
    private let metaHint = "\n  hint: Consul meta keys take letters, digits, `_` and `-` (at most 128), values at most 512 characters"

    func testGatewayNamesHostsAndDiscoveryMetaFollowTheServersRules() throws {
        let file = "integration-names/services.yaml"
        XCTAssertEqual(try Fixture.messages("integration-names"), [
            "\(file):11:9: error: gateway route name `api v2` of `api` is not a valid Kong name\n"
                + "  hint: Kong names take letters, digits, `.`, `-`, `_` and `~`",
            "\(file):12:9: error: gateway route `wild` of `api`: Kong refuses the host `ex*ample.test` "
                + "(invalid wildcard: must be placed at leftmost or rightmost label)" + hostHint,
            "\(file):13:9: error: gateway route `hosts` of `api`: Kong refuses the host `bad host` (invalid hostname: bad host)" + hostHint,
            "\(file):13:9: error: gateway route `hosts` of `api`: Kong refuses the host `a..b` (invalid hostname: a..b)" + hostHint,
            "\(file):13:9: error: gateway route `hosts` of `api`: Kong refuses the host `x-.test` (invalid hostname: x-.test)" + hostHint,
            "\(file):13:9: error: gateway route `hosts` of `api`: Kong refuses the host `10.0.0.1:99999` (invalid port number)" + hostHint,
            "\(file):13:9: error: gateway route `hosts` of `api`: Kong refuses the host `a.*.*` (invalid wildcard: must have at most one wildcard)" + hostHint,
            "\(file):18:7: error: a meta key of `api` is blank" + metaHint,
            "\(file):18:7: error: meta key `bad.key` of `api` has characters Consul refuses" + metaHint,
            "\(file):18:7: error: meta key `consul-owner` of `api` uses the prefix `consul-`, which Consul reserves" + metaHint,
            "\(file):18:7: error: meta value of `long` of `api` is longer than the 512 characters Consul allows" + metaHint,
            "\(file):18:7: error: meta key `sutactl-project` of `api` uses the prefix `sutactl-`, which sutactl reserves\n"
                + "  hint: sutactl sets these keys itself to track what it registered",
            "\(file):34:9: error: gateway route `api` of `web` has the name of a route of `api`\n"
                + "  hint: Kong route names are unique; the first is at \(file):10:9",
        ])
    }

    func testMoreMetaPairsThanConsulTakesWithSutactlsOwn() throws {
        XCTAssertEqual(try Fixture.messages("meta-count"), [
            "meta-count/service.yaml:10:7: error: discovery meta of `many` has 62 pairs: with the 3 sutactl adds, that is more than the 64 Consul allows",
        ], "61 pairs of the manifest's own are fine")
    }

    func testDurationsAndMemoryBelowTheEnginesMinimums() throws {
        let memoryHint = "\n  hint: the engine refuses a memory limit below 6MB (6291456 bytes); use at least 6M, or leave `memory` out"
        XCTAssertEqual(try Fixture.messages("engine-minimums"), [
            "engine-minimums/service.yaml:7:13: error: `memory` of `tiny` is 4M, below the engine's minimum of 6M" + memoryHint,
            "engine-minimums/service.yaml:10:15: error: `interval` must be at least 1ms",
            "engine-minimums/service.yaml:11:14: error: `timeout` must be at least 1ms",
            "engine-minimums/service.yaml:12:19: error: `start_period` of `tiny` must be 0 or at least 1ms, found 500us\n"
                + "  hint: the engine refuses a shorter start period (StartPeriod in Healthcheck cannot be less than 1ms)",
            "engine-minimums/service.yaml:31:13: error: `memory` of `bytes` is 6291455, below the engine's minimum of 6M" + memoryHint,
        ], "6M, 1ms and 0s are what the engine accepts")
    }

    func testKongHostRuleOnAddresses() {
        for accepted in ["example.test", "*.example.test", "example.*", "api:8080", "10.1.2.3", "10.1.2.3:80", "::1", "[::1]:8443",
                         "fe80::1:2", "my_host.local.", "-leading.test"] {
            XCTAssertNil(KongHostRule.problem(accepted), accepted)
        }
        XCTAssertEqual(KongHostRule.problem("300.1.2.3"), "invalid ipv4 address: 300.1.2.3")
        XCTAssertEqual(KongHostRule.problem("1:2:3"), "invalid ipv6 address: 1:2:3")
        XCTAssertEqual(KongHostRule.problem("[::1]:99999"), "invalid port number")
        XCTAssertEqual(KongHostRule.problem("*.bad host"), "invalid hostname: abc.bad host", "Kong checks the wildcard as `abc`")
        XCTAssertEqual(KongHostRule.problem(""), "length must be at least 1")
    }

    func testKongNames() {
        XCTAssertTrue(IntegrationNameRules.isKongName("shop-api_v1.2~x"))
        XCTAssertTrue(IntegrationNameRules.isKongName("café"), "Kong's utf8_name takes non-ASCII characters")
        for refused in ["", "a b", "a/b", "a:b", "a@b"] { XCTAssertFalse(IntegrationNameRules.isKongName(refused), refused) }
    }
}
