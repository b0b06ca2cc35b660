import Foundation
import SutaClients
import SutaHTTP
import SutaTestSupport
import XCTest

/// ``KongAdminClient`` against a DB-less ``KongStandIn``: the whole configuration is applied
/// with `POST /config?check_hash=1`, an unchanged one is recognised, and entity writes are
/// refused as needing database mode.
final class KongDBLessTests: XCTestCase {
    private func makeStandIn() throws -> (KongStandIn, KongAdminClient) {
        let standIn = try KongStandIn(mode: .dbless)
        return (standIn, KongAdminClient(endpoint: try HTTPEndpoint(parsing: standIn.address)))
    }

    private func config(_ services: [(name: String, url: String, routes: [String])]) -> KongDeclarativeConfig {
        KongDeclarativeConfig(services: services.map { service in
            KongDeclarativeService(
                name: service.name,
                body: KongServiceBody(url: service.url, tags: ["suta-demo"]),
                routes: service.routes.map { KongDeclarativeRoute(name: $0, body: KongRouteBody(paths: ["/\($0)"], tags: ["suta-demo"])) })
        })
    }

    func testAppliesAConfigOnceAndReportsTheSameConfigAsUnchanged() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        let before = try await client.status()
        XCTAssertTrue(before.isDBLess)
        XCTAssertNil(before.databaseReachable)
        XCTAssertEqual(before.configurationHash, String(repeating: "0", count: 32))

        let desired = config([("api", "http://api:8080", ["api", "api-v2"]), ("web", "https://web", ["web"])])
        let first = try await client.applyDeclarativeConfig(desired)
        XCTAssertTrue(first)
        let loadedHash = try await client.status().configurationHash
        XCTAssertNotEqual(loadedHash, before.configurationHash)

        let second = try await client.applyDeclarativeConfig(desired)
        XCTAssertFalse(second, "the same configuration again must be reported as unchanged")
        let hashAfterNoOp = try await client.status().configurationHash
        XCTAssertEqual(hashAfterNoOp, loadedHash)

        let posts = standIn.requests.filter { $0.method == "POST" }
        XCTAssertEqual(posts.map(\.target), ["/config?check_hash=1", "/config?check_hash=1"])
        XCTAssertEqual(posts[0].body, posts[1].body, "equal configurations must be sent as equal bytes")
        XCTAssertEqual(posts[0].header("Content-Type"), "application/json")

        // What Kong loaded, read back through the (read-only) entity endpoints.
        let services = try await client.listServices(tag: "suta-demo")
        XCTAssertEqual(services.map(\.name), ["api", "web"])
        XCTAssertEqual(services.map(\.protocol), ["http", "https"])
        XCTAssertEqual(services.map(\.host), ["api", "web"])
        XCTAssertEqual(services.map(\.port), [8080, 443])
        let routes = try await client.listRoutes(tag: "suta-demo")
        XCTAssertEqual(routes.map(\.name), ["api", "api-v2", "web"])
        XCTAssertEqual(routes.map(\.paths), [["/api"], ["/api-v2"], ["/web"]])
        XCTAssertEqual(routes.map(\.serviceID), [services[0].id, services[0].id, services[1].id])
        XCTAssertTrue(routes.allSatisfy(\.stripPath))
    }

    func testAChangedConfigUpdatesAddsAndPrunes() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        let applied = try await client.applyDeclarativeConfig(config([("api", "http://api:8080", ["api"]), ("old", "http://old", ["old"])]))
        XCTAssertTrue(applied)

        let changed = try await client.applyDeclarativeConfig(config([("api", "http://api:9090/v2", ["api", "api-admin"]), ("new", "http://new:81", ["new"])]))
        XCTAssertTrue(changed)

        let services = try await client.listServices(tag: "suta-demo")
        XCTAssertEqual(services.map(\.name), ["api", "new"], "the old service is pruned, the new one added")
        XCTAssertEqual(services[0].port, 9090)
        XCTAssertEqual(services[0].path, "/v2")
        let routes = try await client.listRoutes(tag: "suta-demo")
        XCTAssertEqual(routes.map(\.name), ["api", "api-admin", "new"])
    }

    func testTheSameConfigInAnotherOrderGivesTheSameBytes() throws {
        let api = KongDeclarativeService(
            name: "api", body: KongServiceBody(protocol: "http", host: "api", port: 8080, path: "/v1", tags: ["suta-demo"]),
            routes: [
                KongDeclarativeRoute(name: "b-route", body: KongRouteBody(paths: ["/b"], methods: ["GET"], stripPath: false)),
                KongDeclarativeRoute(name: "a-route", body: KongRouteBody(paths: ["/a"], hosts: ["example.test"], tags: ["suta-demo"])),
            ])
        let web = KongDeclarativeService(name: "web", body: KongServiceBody(url: "http://web:80"))
        let bytes = try KongDeclarativeConfig(services: [web, api]).jsonBytes()
        var reordered = api
        reordered.routes.reverse()
        XCTAssertEqual(try KongDeclarativeConfig(services: [reordered, web]).jsonBytes(), bytes)
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self),
            #"{"_format_version":"3.0","services":[{"host":"api","name":"api","path":"/v1","port":8080,"protocol":"http","#
                + #""routes":[{"hosts":["example.test"],"name":"a-route","paths":["/a"],"strip_path":true,"tags":["suta-demo"]},"#
                + #"{"methods":["GET"],"name":"b-route","paths":["/b"],"strip_path":false}],"tags":["suta-demo"]},"#
                + #"{"name":"web","routes":[],"url":"http://web:80"}]}"#)
        let decoded = try JSONDecoder().decode(KongDeclarativeConfig.self, from: Data(bytes))
        XCTAssertEqual(decoded.services.map(\.name), ["api", "web"])
        XCTAssertEqual(decoded.services[0].routes.map(\.body), [api.routes[1].body, api.routes[0].body])
        XCTAssertEqual(decoded.services[1].body, web.body)
    }

    func testEntityWritesNeedDatabaseMode() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        let writes: [(String, () async throws(KongError) -> Void)] = [
            ("upsertService", { () async throws(KongError) in try await client.upsertService(name: "api", KongServiceBody(url: "http://api")) }),
            ("createService", { () async throws(KongError) in try await client.createService(name: "api", KongServiceBody(url: "http://api")) }),
            ("upsertRoute", { () async throws(KongError) in try await client.upsertRoute(name: "api", serviceName: "api", KongRouteBody(paths: ["/"])) }),
            ("createRoute", { () async throws(KongError) in try await client.createRoute(name: "api", serviceName: "api", KongRouteBody(paths: ["/"])) }),
            ("deleteRoute", { () async throws(KongError) in try await client.deleteRoute("api") }),
            ("deleteService", { () async throws(KongError) in try await client.deleteService("api") }),
        ]
        for (name, write) in writes {
            let error = await thrownError(write)
            guard case .dbless(let message) = error else { XCTFail("\(name): \(String(describing: error))"); continue }
            XCTAssertTrue(message.contains("when not using a database"), "\(name): \(message)")
            XCTAssertTrue(error!.description.contains("needs database mode"), "\(name): \(error!.description)")
            XCTAssertFalse(CircuitBreaker.countsAsFailure(error!), name)
        }
        XCTAssertEqual(standIn.requestLines, [
            "PUT /services/api", "POST /services", "PUT /routes/api", "POST /routes", "DELETE /routes/api", "DELETE /services/api",
        ])
    }

    func testAnInvalidConfigIsRejectedWithKongsMessage() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        let invalid = KongDeclarativeConfig(services: [KongDeclarativeService(name: "api", body: KongServiceBody(url: "not a url"))])
        let error = await thrownError { () async throws(KongError) in try await client.applyDeclarativeConfig(invalid) }
        guard case .server(400, let message) = error else { return XCTFail(String(describing: error)) }
        XCTAssertTrue(message.hasPrefix("POST /config?check_hash=1: declarative config is invalid"), message)
        XCTAssertFalse(CircuitBreaker.countsAsFailure(error!))
        let hash = try await client.status().configurationHash
        XCTAssertEqual(hash, String(repeating: "0", count: 32), "nothing was loaded")
    }

    func testApplyingToADatabaseKongIsRefused() async throws {
        let standIn = try KongStandIn(mode: .database)
        defer { standIn.stop() }
        let client = KongAdminClient(endpoint: try HTTPEndpoint(parsing: standIn.address))
        let error = await thrownError { () async throws(KongError) in try await client.applyDeclarativeConfig(self.config([])) }
        guard case .server(400, let message) = error else { return XCTFail(String(describing: error)) }
        XCTAssertTrue(message.contains("only available when Kong is configured to not use a database"), message)
    }

    func testWhileKongIsLoadingTheApplyFailsAndCountsAsABreakerFailure() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        standIn.failNext(1, status: 429)
        let error = await thrownError { () async throws(KongError) in try await client.applyDeclarativeConfig(self.config([("api", "http://api", ["api"])])) }
        guard case .server(429, let message) = error else { return XCTFail(String(describing: error)) }
        XCTAssertTrue(message.contains("Currently loading previous configuration"), message)
        XCTAssertTrue(CircuitBreaker.countsAsFailure(error!))
        let retried = try await client.applyDeclarativeConfig(config([("api", "http://api", ["api"])]))
        XCTAssertTrue(retried)
    }
}
