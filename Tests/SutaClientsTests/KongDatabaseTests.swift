import SutaClients
import SutaHTTP
import SutaPlan
import SutaTestSupport
import XCTest

/// ``KongAdminClient`` against a database-mode ``KongStandIn`` that pages by 2: listing by
/// tag across pages, upserts, creates, deletes, and the errors a reconciler must tell apart.
final class KongDatabaseTests: XCTestCase {
    private static let tag = "suta-demo"

    private func makeStandIn(absoluteNextLinks: Bool = false) throws -> (KongStandIn, KongAdminClient) {
        let standIn = try KongStandIn(mode: .database, pageSize: 2, absoluteNextLinks: absoluteNextLinks)
        return (standIn, KongAdminClient(endpoint: try HTTPEndpoint(parsing: standIn.address)))
    }

    /// Whether the service already forwards where `body` says (a URL, or protocol, host and port).
    private static func forwards(_ service: ObservedGatewayService, as body: KongServiceBody) -> Bool {
        let url = body.url ?? "\(body.protocol ?? "http")://\(body.host ?? ""):\(body.port ?? 80)\(body.path ?? "")"
        let ours = ObservedGatewayService(id: "", name: nil, protocol: service.protocol, host: service.host, port: service.port, path: service.path, tags: [])
        return [ours.url, "\(service.protocol)://\(service.host):\(service.port)\(service.path ?? "")"].contains(url)
            && service.tags.sorted() == body.tags.sorted()
    }

    /// One pass of a database-mode sync written with the client's building blocks: list
    /// what carries the tag, upsert what differs, delete what is no longer wanted (routes
    /// before their services). Returns the writes it made.
    private func sync(
        _ client: KongAdminClient,
        services desired: [String: KongServiceBody],
        routes desiredRoutes: [String: (service: String, body: KongRouteBody)]
    ) async throws -> [String] {
        var writes: [String] = []
        let observed = try await client.listServices(tag: Self.tag)
        var serviceIDs = Dictionary(observed.compactMap { service in service.name.map { ($0, service.id) } }, uniquingKeysWith: { first, _ in first })
        for (name, body) in desired.sorted(by: { $0.key < $1.key })
        where !(observed.first { $0.name == name }.map { Self.forwards($0, as: body) } ?? false) {
            serviceIDs[name] = try await client.upsertService(name: name, body).id
            writes.append("upsert service \(name)")
        }
        let routes = try await client.listRoutes(tag: Self.tag)
        for (name, wanted) in desiredRoutes.sorted(by: { $0.key < $1.key }) {
            let current = routes.first { $0.name == name }
            if let current, current.serviceID == serviceIDs[wanted.service], current.paths == wanted.body.paths,
               current.methods.sorted() == wanted.body.methods.sorted(), current.hosts.sorted() == wanted.body.hosts.sorted(),
               current.stripPath == wanted.body.stripPath, current.tags.sorted() == wanted.body.tags.sorted() { continue }
            try await client.upsertRoute(name: name, serviceName: wanted.service, wanted.body)
            writes.append("upsert route \(name)")
        }
        for route in routes where desiredRoutes[route.name ?? ""] == nil {
            try await client.deleteRoute(route.id)
            writes.append("delete route \(route.name ?? route.id)")
        }
        for service in observed where desired[service.name ?? ""] == nil {
            try await client.deleteService(service.id)
            writes.append("delete service \(service.name ?? service.id)")
        }
        return writes
    }

    private func writeLines(_ standIn: KongStandIn) -> [String] {
        standIn.requestLines.filter { !$0.hasPrefix("GET ") }
    }

    func testSyncCreatesThenDoesNothingThenUpdatesAndPrunes() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        var services = [
            "api": KongServiceBody(url: "http://api:8080", tags: [Self.tag]),
            "web": KongServiceBody(url: "http://web", tags: [Self.tag]),
            "docs": KongServiceBody(protocol: "http", host: "docs", port: 3000, tags: [Self.tag]),
        ]
        var routes = [
            "api": (service: "api", body: KongRouteBody(paths: ["/api"], methods: ["GET", "POST"], tags: [Self.tag])),
            "web": (service: "web", body: KongRouteBody(paths: ["/"], stripPath: false, tags: [Self.tag])),
            "docs": (service: "docs", body: KongRouteBody(paths: ["/docs"], hosts: ["docs.test"], tags: [Self.tag])),
        ]

        let created = try await sync(client, services: services, routes: routes)
        XCTAssertEqual(created, ["upsert service api", "upsert service docs", "upsert service web", "upsert route api", "upsert route docs", "upsert route web"])
        XCTAssertEqual(writeLines(standIn), [
            "PUT /services/api", "PUT /services/docs", "PUT /services/web", "PUT /routes/api", "PUT /routes/docs", "PUT /routes/web",
        ])

        let before = standIn.requests.count
        let nothing = try await sync(client, services: services, routes: routes)
        XCTAssertEqual(nothing, [])
        XCTAssertTrue(standIn.requests.dropFirst(before).allSatisfy { $0.method == "GET" }, "a no-op sync must not write")

        services["api"] = KongServiceBody(url: "http://api:9090", tags: [Self.tag])
        services["docs"] = nil
        routes["docs"] = nil
        routes["web"]?.body.methods = ["GET"]
        let changed = try await sync(client, services: services, routes: routes)
        XCTAssertEqual(changed, ["upsert service api", "upsert route web", "delete route docs", "delete service docs"])

        let listed = try await client.listServices(tag: Self.tag)
        XCTAssertEqual(listed.map(\.name), ["api", "web"])
        XCTAssertEqual(listed.first?.port, 9090)
        let listedRoutes = try await client.listRoutes(tag: Self.tag)
        XCTAssertEqual(listedRoutes.map(\.name), ["api", "web"])
        XCTAssertEqual(listedRoutes.last?.methods, ["GET"])
        let last = try await sync(client, services: services, routes: routes)
        XCTAssertEqual(last, [])
    }

    func testListingFollowsRelativeNextLinksAndFiltersByTag() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        for index in 1...5 {
            try await client.upsertService(name: "svc-\(index)", KongServiceBody(url: "http://svc-\(index)", tags: [Self.tag, "extra"]))
        }
        try await client.upsertService(name: "foreign", KongServiceBody(url: "http://foreign", tags: ["someone-else"]))
        try await client.upsertService(name: "untagged", KongServiceBody(url: "http://untagged"))

        let start = standIn.requests.count
        let services = try await client.listServices(tag: Self.tag)
        XCTAssertEqual(services.map(\.name), ["svc-1", "svc-2", "svc-3", "svc-4", "svc-5"])
        let pages = standIn.requests.dropFirst(start)
        XCTAssertEqual(pages.count, 3, "5 services at 2 per page")
        XCTAssertEqual(pages.first?.target, "/services?tags=suta-demo")
        XCTAssertTrue(pages.dropFirst().allSatisfy { $0.query["offset"] != nil && $0.query["tags"] == Self.tag && $0.query["size"] == "2" })
        let foreign = try await client.listServices(tag: "someone-else")
        XCTAssertEqual(foreign.map(\.name), ["foreign"])
        let none = try await client.listServices(tag: "nobody")
        XCTAssertEqual(none, [])
    }

    func testListingFollowsAbsoluteNextLinksOnItsOwnEndpoint() async throws {
        let (standIn, client) = try makeStandIn(absoluteNextLinks: true)
        defer { standIn.stop() }
        try await client.upsertService(name: "api", KongServiceBody(url: "http://api", tags: [Self.tag]))
        for index in 1...4 {
            try await client.upsertRoute(name: "r\(index)", serviceName: "api", KongRouteBody(paths: ["/r\(index)"], tags: [Self.tag]))
        }
        let start = standIn.requests.count
        let routes = try await client.listRoutes(tag: Self.tag)
        XCTAssertEqual(routes.map(\.name), ["r1", "r2", "r3", "r4"])
        XCTAssertEqual(standIn.requests.dropFirst(start).map(\.path), ["/routes", "/routes"],
                       "the absolute next link (http://localhost:8001/…) is followed on the client's own endpoint")
    }

    func testUpsertReplacesInPlaceAndCanMoveARoute() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        let first = try await client.upsertService(name: "api", KongServiceBody(url: "http://api:8080", tags: [Self.tag]))
        let second = try await client.upsertService(name: "api", KongServiceBody(protocol: "https", host: "api.internal", port: 8443, tags: [Self.tag]))
        XCTAssertEqual(second.id, first.id)
        XCTAssertEqual([second.protocol, second.host], ["https", "api.internal"])
        XCTAssertEqual(second.port, 8443)
        XCTAssertEqual(second.url, "https://api.internal:8443", "read back as a manifest URL says it")

        let other = try await client.upsertService(name: "other", KongServiceBody(url: "http://other"))
        let route = try await client.upsertRoute(name: "api", serviceName: "api", KongRouteBody(paths: ["/api"], tags: [Self.tag]))
        XCTAssertEqual(route.serviceID, first.id)
        let moved = try await client.upsertRoute(name: "api", serviceName: "other", KongRouteBody(paths: ["/api"], tags: [Self.tag]))
        XCTAssertEqual(moved.id, route.id)
        XCTAssertEqual(moved.serviceID, other.id)

        let body = standIn.requests.last { $0.method == "PUT" }.flatMap { StandInJSON.parse($0.body) }
        XCTAssertEqual(body, ["name": "api", "paths": ["/api"], "service": ["name": "other"], "strip_path": true, "tags": [.string(Self.tag)]])
    }

    func testCreatingARouteWhoseNameIsTakenIsAConflict() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        try await client.createService(name: "a", KongServiceBody(url: "http://a"))
        try await client.createService(name: "b", KongServiceBody(url: "http://b"))
        try await client.createRoute(name: "api", serviceName: "a", KongRouteBody(paths: ["/api"]))
        let error = await thrownError { () async throws(KongError) in
            try await client.createRoute(name: "api", serviceName: "b", KongRouteBody(paths: ["/api"]))
        }
        guard case .conflict(let message) = error else { return XCTFail(String(describing: error)) }
        XCTAssertEqual(message, #"POST /routes: UNIQUE violation detected on '{name="api"}'"#)
        XCTAssertFalse(CircuitBreaker.countsAsFailure(error!))
        let serviceError = await thrownError { () async throws(KongError) in try await client.createService(name: "a", KongServiceBody(url: "http://a")) }
        guard case .conflict = serviceError else { return XCTFail(String(describing: serviceError)) }
    }

    func testDeletingIsIdempotentAndAServiceInUseIsRefused() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        try await client.upsertService(name: "api", KongServiceBody(url: "http://api"))
        try await client.upsertRoute(name: "api", serviceName: "api", KongRouteBody(paths: ["/api"]))
        let inUse = await thrownError { () async throws(KongError) in try await client.deleteService("api") }
        guard case .server(400, let message) = inUse else { return XCTFail(String(describing: inUse)) }
        XCTAssertTrue(message.contains("an existing 'routes' entity references this 'services' entity"), message)

        try await client.deleteRoute("api")
        try await client.deleteRoute("api")
        try await client.deleteService("api")
        try await client.deleteService("api")
        try await client.deleteService("never-existed")
        let remaining = try await client.listServices(tag: Self.tag)
        XCTAssertEqual(remaining, [])
    }

    func testSchemaViolationsAndUnknownServicesAreServerErrorsThatDoNotTripTheBreaker() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        let noHost = await thrownError { () async throws(KongError) in
            try await client.upsertService(name: "api", KongServiceBody(url: "no host here"))
        }
        guard case .server(400, let message) = noHost else { return XCTFail(String(describing: noHost)) }
        XCTAssertTrue(message.contains("schema violation"), message)
        XCTAssertFalse(CircuitBreaker.countsAsFailure(noHost!))
        let noService = await thrownError { () async throws(KongError) in
            try await client.upsertRoute(name: "api", serviceName: "missing", KongRouteBody(paths: ["/api"]))
        }
        guard case .server(400, let unresolved) = noService else { return XCTFail(String(describing: noService)) }
        XCTAssertTrue(unresolved.contains("foreign key unresolved"), unresolved)
    }

    func testAnInvalidTagIsRefusedBeforeAnythingIsSent() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        for tag in ["a,b", "a/b", "has space", ""] {
            let error = await thrownError { () async throws(KongError) in try await client.listRoutes(tag: tag) }
            guard case .invalidRequest = error else { XCTFail("\(tag): \(String(describing: error))"); continue }
        }
        XCTAssertEqual(standIn.requests.count, 0)
    }

    func testStatusInDatabaseMode() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        let status = try await client.status()
        XCTAssertFalse(status.isDBLess)
        XCTAssertEqual(status.databaseReachable, true)
        XCTAssertEqual(status.totalRequests, 1)
    }

    func testServerFailuresAndAnUnreachableKongTripTheBreaker() async throws {
        let (standIn, client) = try makeStandIn()
        defer { standIn.stop() }
        standIn.failNext(2, status: 503)
        for _ in 0..<2 {
            let error = await thrownError { () async throws(KongError) in try await client.listServices(tag: Self.tag) }
            guard case .server(503, let message) = error else { return XCTFail(String(describing: error)) }
            XCTAssertTrue(message.contains("An unexpected error occurred"), message)
            XCTAssertTrue(CircuitBreaker.countsAsFailure(error!))
        }
        _ = try await client.listServices(tag: Self.tag)

        standIn.down()
        let error = await thrownError { () async throws(KongError) in try await client.status() }
        guard case .unreachable(let url, let message) = error else { return XCTFail(String(describing: error)) }
        XCTAssertEqual(url, standIn.address)
        XCTAssertTrue(message.contains(standIn.address), message)
        XCTAssertTrue(CircuitBreaker.countsAsFailure(error!))
        XCTAssertTrue(CircuitBreaker.countsAsFailure(error!))
    }
}
