import Foundation
import SutaClients
import SutaHTTP
import SutaTestSupport
import XCTest

/// The DB-less Kong stand-in answers as `kong/api/routes/config.lua` does, and the client
/// relies on what real Kong does: only a configuration sent as text is hashed before it is
/// parsed (so only it can be answered 304), `GET /config` exports the whole node, a load
/// replaces the whole node, and Kong's types refuse bad names, methods and hosts.
final class KongDeclarativeFidelityTests: XCTestCase {
    private var standIn: KongStandIn!
    private var http: HTTPClient!
    private var client: KongAdminClient!

    override func setUpWithError() throws {
        standIn = try KongStandIn(mode: .dbless)
        let endpoint = try HTTPEndpoint(parsing: standIn.address)
        http = HTTPClient(endpoint: endpoint)
        client = KongAdminClient(endpoint: endpoint)
    }

    override func tearDown() {
        standIn.stop()
    }

    /// Another owner's configuration: a service with a nested route and plugin, a route
    /// naming its service, a global plugin, a consumer with a plugin, an upstream with a target.
    private let foreign = #"""
        {"_format_version":"3.0",
         "services":[{"name":"billing","url":"https://billing.internal","tags":["team-billing"],
                      "routes":[{"name":"billing","paths":["/billing"]}],
                      "plugins":[{"name":"rate-limiting","config":{"minute":10}}]}],
         "routes":[{"name":"billing-admin","paths":["/billing/admin"],"service":"billing"}],
         "plugins":[{"name":"cors"}],
         "consumers":[{"username":"alice","plugins":[{"name":"acl"}]}],
         "upstreams":[{"name":"billing-up","targets":[{"target":"10.0.0.5:443","weight":100}]}]}
        """#

    private func md5(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/md5sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let digest = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(digest.prefix(32))
    }

    private func post(_ body: String, contentType: String = "application/json") async throws -> Int {
        try await http.send(HTTPRequest(method: "POST", path: "/config?check_hash=1", headers: ["Content-Type": contentType], body: Array(body.utf8))).status
    }

    func testOnlyAConfigurationSentAsTextIsNamedByItsMD5AndAnswered304WhenUnchanged() async throws {
        let object = try await post(foreign)
        let objectAgain = try await post(foreign)
        XCTAssertEqual([object, objectAgain], [201, 201], "a JSON object is hashed only after parsing: never 304")

        let wrapped = String(decoding: try JSONEncoder().encode(["config": foreign]), as: UTF8.self)
        let text = try await post(wrapped)
        XCTAssertEqual(text, 201)
        let hash = try await client.status().configurationHash
        XCTAssertEqual(hash, try md5(foreign), "configuration_hash is the MD5 of the text, as Kong's unserialize computes it")
        let textAgain = try await post(wrapped)
        XCTAssertEqual(textAgain, 304)
        let raw = try await post(foreign, contentType: "text/yaml")
        XCTAssertEqual(raw, 304, "a raw text body is the same text")
        let hashAfter = try await client.status().configurationHash
        XCTAssertEqual(hashAfter, hash)
    }

    func testTheExportHoldsEveryEntityFlattenedAndALoadReplacesTheWholeNode() async throws {
        let loaded = try await client.applyDeclarativeConfig(text: foreign)
        XCTAssertTrue(loaded)
        let exported = try await client.exportDeclarativeConfig()
        XCTAssertTrue(exported.hasPrefix("_format_version: \"3.0\"\n_transform: false\n"), exported)
        let services = try await client.listServices(tag: "team-billing")
        let billing = try XCTUnwrap(services.first)
        for line in ["    name: billing\n", "    name: billing-admin\n", "    service: \(billing.id)\n", "    username: alice\n",
                     "    name: billing-up\n", "    target: 10.0.0.5:443\n", "    name: cors\n", "    name: rate-limiting\n"] {
            XCTAssertTrue(exported.contains(line), "\(line) in:\n\(exported)")
        }
        XCTAssertEqual(exported.components(separatedBy: "\n  - ").count - 1, 9, "2 routes, 1 service, 3 plugins, 1 consumer, 1 upstream, 1 target:\n\(exported)")

        let replaced = try await client.applyDeclarativeConfig(KongDeclarativeConfig(services: [
            KongDeclarativeService(name: "api", body: KongServiceBody(url: "http://api:8000"), routes: [
                KongDeclarativeRoute(name: "api", body: KongRouteBody(paths: ["/api"])),
            ]),
        ]))
        XCTAssertTrue(replaced)
        let after = try await client.exportDeclarativeConfig()
        XCTAssertFalse(after.contains("billing") || after.contains("alice") || after.contains("cors"), "POST /config replaces the whole node:\n\(after)")
    }

    func testKongsTypesRefuseBadNamesMethodsAndHosts() async throws {
        let database = try KongStandIn(mode: .database)
        defer { database.stop() }
        let endpoint = try HTTPEndpoint(parsing: database.address)
        _ = try await KongAdminClient(endpoint: endpoint).upsertService(name: "api", KongServiceBody(url: "http://api"))
        let body = #"{"name":"bad name","paths":["/a"],"methods":["get"],"hosts":["a b","*.a.*"],"service":{"name":"api"}}"#
        let response = try await HTTPClient(endpoint: endpoint).send(.json(method: "PUT", path: "/routes/bad%20name", body: Array(body.utf8)))
        XCTAssertEqual(response.status, 400)
        let error = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        XCTAssertEqual(error["code"] as? Int, 2)
        XCTAssertEqual(error["name"] as? String, "schema violation")
        XCTAssertEqual(error["message"] as? String, "4 schema violations (hosts.1: invalid hostname: a b; "
            + "hosts.2: invalid wildcard: must have at most one wildcard; methods.1: invalid value: get; "
            + "name: invalid value 'bad name': the only accepted ascii characters are alphanumerics or ., -, _, and ~)")
        let fields = try XCTUnwrap(error["fields"] as? [String: Any])
        XCTAssertEqual(fields["hosts"] as? [String], ["invalid hostname: a b", "invalid wildcard: must have at most one wildcard"])
        XCTAssertEqual(fields["methods"] as? [String], ["invalid value: get"])

        let dbless = await thrownError { () async throws(KongError) in
            try await self.client.applyDeclarativeConfig(KongDeclarativeConfig(services: [
                KongDeclarativeService(name: "api v2", body: KongServiceBody(url: "http://api:8000")),
            ]))
        }
        guard case .server(400, let message) = dbless else { return XCTFail(String(describing: dbless)) }
        XCTAssertTrue(message.contains("declarative config is invalid: {services={api v2=\"schema violation (name: invalid value 'api v2'"), message)
    }
}
