import SutaClients
import SutaHTTP
import SutaTestSupport
import XCTest

/// ``ConsulClient`` against a ``ConsulStandIn``: register, list, deregister (an unknown ID
/// is success), ACLs, and a token that never leaks into an error.
final class ConsulClientTests: XCTestCase {
    private static let token = "b1gs3cr3t-7f0c-4a4e-9d1e-consul-acl"

    private func makeStandIn(requiredToken: String? = nil, clientToken: String? = nil) throws -> (ConsulStandIn, ConsulClient) {
        let standIn = try ConsulStandIn(requiredToken: requiredToken)
        return (standIn, ConsulClient(endpoint: try HTTPEndpoint(parsing: standIn.address), token: clientToken))
    }

    private let api = ConsulServiceRegistration(
        id: "demo-api", name: "api", tags: ["suta-demo", "v1"], meta: ["project": "demo", "config-hash": "abc123"],
        address: "127.0.0.1", port: 10010,
        check: .http("http://127.0.0.1:10010/health", interval: .seconds(10), timeout: .seconds(2), deregisterCriticalServiceAfter: .seconds(5400)))

    func testRegisterListAndDeregister() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        try await client.register(api)
        let services = try await client.services()
        XCTAssertEqual(Array(services.keys), ["demo-api"])
        let listed = try XCTUnwrap(services["demo-api"])
        XCTAssertEqual(listed.name, "api")
        XCTAssertEqual(listed.tags, ["suta-demo", "v1"])
        XCTAssertEqual(listed.meta, ["project": "demo", "config-hash": "abc123"])
        XCTAssertEqual(listed.port, 10010)
        XCTAssertEqual(listed.address, "127.0.0.1")

        let register = try XCTUnwrap(standIn.requests.first { $0.method == "PUT" })
        XCTAssertEqual(register.target, "/v1/agent/service/register?replace-existing-checks=true")
        XCTAssertEqual(register.header("Content-Type"), "application/json")
        XCTAssertNil(register.header("X-Consul-Token"), "no token configured, none sent")
        let body = try XCTUnwrap(StandInJSON.parse(register.body))
        XCTAssertEqual(body["ID"], "demo-api")
        XCTAssertEqual(body["Name"], "api")
        XCTAssertEqual(body["Port"], 10010)
        XCTAssertEqual(body["Check"], [
            "HTTP": "http://127.0.0.1:10010/health", "Interval": "10s", "Timeout": "2s", "DeregisterCriticalServiceAfter": "90m",
        ])

        try await client.deregister(id: "demo-api")
        let after = try await client.services()
        XCTAssertEqual(after, [:])
        XCTAssertEqual(standIn.requestLines.last { $0.hasPrefix("PUT") }, "PUT /v1/agent/service/deregister/demo-api")
    }

    func testRegisteringTheSameIDAgainReplacesIt() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        try await client.register(api)
        var changed = api
        changed.port = 10020
        changed.tags = ["suta-demo"]
        changed.check = .tcp("127.0.0.1:10020", interval: .milliseconds(1500), timeout: .seconds(120))
        let listedBefore = try await client.services()
        XCTAssertEqual(listedBefore["demo-api"]?.port, 10010)
        try await client.register(changed)
        let services = try await client.services()
        XCTAssertEqual(services.count, 1)
        XCTAssertEqual(services["demo-api"]?.port, 10020)
        XCTAssertEqual(services["demo-api"]?.tags, ["suta-demo"])
        let body = standIn.requests.last { $0.method == "PUT" }.flatMap { StandInJSON.parse($0.body) }
        XCTAssertEqual(body?["Check"], ["TCP": "127.0.0.1:10020", "Interval": "1500ms", "Timeout": "2m"])
    }

    func testDeregisteringAnUnknownIDSucceeds() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        try await client.deregister(id: "never-registered")
        XCTAssertEqual(standIn.requestLines, ["PUT /v1/agent/service/deregister/never-registered"])
    }

    func testAnInvalidRegistrationIsTheAgentsPlainTextError() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        let error = await thrownError { () async throws(ConsulError) in
            try await client.register(ConsulServiceRegistration(id: "x", name: "", port: 1))
        }
        XCTAssertEqual(error, .server(status: 400, message: "PUT /v1/agent/service/register?replace-existing-checks=true: Missing service name"))
        XCTAssertFalse(CircuitBreaker.countsAsFailure(error!))
    }

    func testMetaTheAgentRefusesIsItsInvalidServiceMetaError() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        let cases: [([String: String], String)] = [
            (["bad.key": "x"], "Couldn't load metadata pair ('bad.key', 'x'): Key contains invalid characters"),
            (["consul-owner": "me"], "Couldn't load metadata pair ('consul-owner', 'me'): Key prefix 'consul-' is reserved for internal use"),
            ([String(repeating: "k", count: 129): "v"], "Couldn't load metadata pair ('\(String(repeating: "k", count: 129))', 'v'): "
                + "Key is too long (limit: 128 characters)"),
            (["long": String(repeating: "v", count: 513)], "Couldn't load metadata pair ('long', '\(String(repeating: "v", count: 513))'): "
                + "Value is too long (limit: 512 characters)"),
            (Dictionary(uniqueKeysWithValues: (0..<65).map { ("k\($0)", "v") }), "Node metadata cannot contain more than 64 key/value pairs"),
        ]
        for (meta, message) in cases {
            let error = await thrownError { () async throws(ConsulError) in
                try await client.register(ConsulServiceRegistration(id: "x", name: "x", meta: meta, port: 1))
            }
            guard case .server(400, let text) = error else { XCTFail(String(describing: error)); continue }
            let expected = "PUT /v1/agent/service/register?replace-existing-checks=true: Invalid Service Meta: \(message)"
            // The client shortens a long answer with `…`.
            XCTAssertTrue(text == expected || (text.hasSuffix("…") && expected.hasPrefix(text.dropLast())), text)
        }
        let fine = Dictionary(uniqueKeysWithValues: (0..<64).map { ("key_\($0)-ok", String(repeating: "v", count: 512)) })
        try await client.register(ConsulServiceRegistration(id: "x", name: "x", meta: fine, port: 1))
        let registered = try await client.services()
        XCTAssertEqual(registered["x"]?.meta.count, 64)
    }

    func testAnIDWithASlashIsRefusedBeforeAnythingIsSent() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        let error = await thrownError { () async throws(ConsulError) in try await client.deregister(id: "a/b") }
        guard case .invalidRequest = error else { return XCTFail(String(describing: error)) }
        var registration = api
        registration.id = ""
        let empty = await thrownError { () async throws(ConsulError) in try await client.register(registration) }
        guard case .invalidRequest = empty else { return XCTFail(String(describing: empty)) }
        XCTAssertEqual(standIn.requests.count, 0)
    }

    func testWithACLsTheTokenIsSentAndRequired() async throws {
        let (standIn, client) = try makeStandIn(requiredToken: Self.token, clientToken: Self.token)
        defer { standIn.stop() }
        try await client.register(api)
        let services = try await client.services()
        XCTAssertEqual(Array(services.keys), ["demo-api"])
        try await client.deregister(id: "demo-api")
        XCTAssertTrue(standIn.requests.allSatisfy { $0.header("X-Consul-Token") == Self.token })

        let anonymous = ConsulClient(endpoint: try HTTPEndpoint(parsing: standIn.address), token: nil)
        let denied = await thrownError { () async throws(ConsulError) in try await anonymous.register(self.api) }
        guard case .forbidden(let message) = denied else { return XCTFail(String(describing: denied)) }
        XCTAssertTrue(message.contains("Permission denied"), message)
        XCTAssertFalse(CircuitBreaker.countsAsFailure(denied!))
        let deniedDeregister = await thrownError { () async throws(ConsulError) in try await anonymous.deregister(id: "demo-api") }
        guard case .forbidden = deniedDeregister else { return XCTFail(String(describing: deniedDeregister)) }
        let filtered = try await anonymous.services()
        XCTAssertEqual(filtered, [:], "a default-deny agent hides what the anonymous token may not read")

        let wrong = ConsulClient(endpoint: try HTTPEndpoint(parsing: standIn.address), token: "not-the-token")
        let unknown = await thrownError { () async throws(ConsulError) in try await wrong.services() }
        XCTAssertEqual(unknown, .forbidden("GET /v1/agent/services: ACL not found"))
    }

    func testTheTokenNeverAppearsInAnErrorOrADescription() async throws {
        let (standIn, client) = try makeStandIn(requiredToken: Self.token, clientToken: Self.token)
        defer { standIn.stop() }
        var errors: [ConsulError] = []
        standIn.failNext(1, status: 500, body: "internal error handling token \(Self.token)")
        standIn.failNext(1, status: 403, body: "Permission denied: token \(Self.token) lacks permission")
        standIn.failNext(1, status: 200, body: "not json, token \(Self.token)")
        for _ in 0..<3 {
            if let error = await thrownError({ () async throws(ConsulError) in try await client.services() }) { errors.append(error) }
        }
        if let error = await thrownError({ () async throws(ConsulError) in try await client.deregister(id: "\(Self.token)/x") }) { errors.append(error) }
        standIn.down()
        if let error = await thrownError({ () async throws(ConsulError) in try await client.register(self.api) }) { errors.append(error) }

        XCTAssertEqual(errors.count, 5)
        guard case .server(500, _) = errors[0], case .forbidden = errors[1], case .decoding = errors[2],
            case .invalidRequest = errors[3], case .unreachable = errors[4]
        else { return XCTFail("\(errors)") }
        XCTAssertTrue(errors[0].description.contains("<redacted>"), errors[0].description)
        var texts = errors.flatMap { ["\($0)", String(reflecting: $0), $0.localizedDescription] }
        texts += ["\(client)", String(reflecting: client)]
        var dumped = ""
        dump(client, to: &dumped)
        texts.append(dumped)
        for text in texts {
            XCTAssertFalse(text.contains(Self.token), text)
        }
    }

    func testServerFailuresAndAnUnreachableAgentTripTheBreaker() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        for status in [500, 503, 429] {
            standIn.failNext(1, status: status)
            let error = await thrownError { () async throws(ConsulError) in try await client.services() }
            XCTAssertEqual(error, .server(status: status, message: "GET /v1/agent/services: stand-in failure (HTTP \(status))"))
            XCTAssertTrue(CircuitBreaker.countsAsFailure(error!), "\(status)")
        }
        standIn.down()
        let error = await thrownError { () async throws(ConsulError) in try await client.services() }
        guard case .unreachable(let url, let message) = error else { return XCTFail(String(describing: error)) }
        XCTAssertEqual(url, standIn.address)
        XCTAssertTrue(message.contains(standIn.address), message)
        XCTAssertTrue(CircuitBreaker.countsAsFailure(error!))
    }
}
