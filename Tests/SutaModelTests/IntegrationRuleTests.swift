import XCTest
@testable import SutaModel

/// Rules that keep out of an apply what Kong, Consul and the Docker Engine would refuse,
/// each against a fixture in Fixtures/ (exact `file:line:col: severity: message` lines).
final class IntegrationRuleTests: XCTestCase {
    private let hostHint = "\n  hint: write a host name or address, optionally with :PORT, and at most one `*` as its first or last label"

    func testGatewayNamesHostsAndDiscoveryMetaFollowTheServersRules() throws {
        let file = "integration-names/services.yaml"
        XCTAssertEqual(try Fixture.messages("integration-names"), [
            "\(file):11:16: error: route name `api v2` must be letters, digits, `.`, `-`, `_` or `~` (Kong's name rule)",
            "\(file):12:9: error: gateway route `wild` of `api`: Kong refuses the host `ex*ample.test` "
                + "(invalid wildcard: must be placed at leftmost or rightmost label)" + hostHint,
            "\(file):13:9: error: gateway route `hosts` of `api`: Kong refuses the host `bad host` (invalid hostname: bad host)" + hostHint,
            "\(file):13:9: error: gateway route `hosts` of `api`: Kong refuses the host `a..b` (invalid hostname: a..b)" + hostHint,
            "\(file):13:9: error: gateway route `hosts` of `api`: Kong refuses the host `x-.test` (invalid hostname: x-.test)" + hostHint,
            "\(file):13:9: error: gateway route `hosts` of `api`: Kong refuses the host `10.0.0.1:99999` (invalid port number)" + hostHint,
            "\(file):13:9: error: gateway route `hosts` of `api`: Kong refuses the host `a.*.*` (invalid wildcard: must have at most one wildcard)" + hostHint,
            "\(file):19:7: error: meta key `bad.key` must be letters, digits, `_` or `-` (Consul's rule)",
            "\(file):20:7: error: meta key `consul-owner` uses the prefix `consul-`, which Consul reserves",
            "\(file):21:7: error: meta key `sutactl-project` uses the prefix `sutactl-`, which sutactl sets itself",
            "\(file):22:7: error: meta key `` must be letters, digits, `_` or `-` (Consul's rule)",
            "\(file):23:7: error: the value of meta key `long` is 513 bytes, more than Consul's 512",
            "\(file):34:9: error: gateway route `api` of `web` has the name of a route of `api`\n"
                + "  hint: Kong route names are unique; the first is at \(file):10:9",
        ])
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
        XCTAssertNil(KongGrammar.nameProblem("shop-api_v1.2~x"))
        XCTAssertNil(KongGrammar.nameProblem("café"), "Kong's utf8_name takes non-ASCII characters")
        for refused in ["", "a b", "a/b", "a:b", "a@b"] { XCTAssertNotNil(KongGrammar.nameProblem(refused), refused) }
    }
}
