import SutaModel
import XCTest
@testable import SutaPlan

/// The configuration sutactl loads into a DB-less Kong: the node's export with the
/// project's services and routes swapped for the desired ones, everything else kept.
final class GatewayConfigMergeTests: XCTestCase {
    private let merge = GatewayConfigMerge(ownerTag: "sutactl-project-shop")

    /// What Kong exports (YAML, flattened): an owned service with two routes, another
    /// owner's service and route, a plugin on the owned route, a consumer, an upstream.
    private let exported = """
        _format_version: "3.0"
        _transform: false
        services:
        - id: s-ours
          name: shop-api
          host: api
          port: 8000
          protocol: http
          path: ~
          tags: [sutactl, sutactl-project-shop]
        - id: s-other
          name: billing
          host: billing.internal
          port: 443
          protocol: https
          tags: [team-billing]
        routes:
        - {id: r-ours, name: shop-api-api, paths: [/api], service: s-ours, strip_path: true, tags: [sutactl, sutactl-project-shop]}
        - {id: r-old, name: shop-api-old, paths: [/old], service: s-ours, strip_path: true, tags: [sutactl, sutactl-project-shop]}
        - {id: r-other, name: billing, paths: [/billing], service: s-other, strip_path: true, tags: [team-billing]}
        plugins:
        - {id: p-1, name: rate-limiting, route: r-ours, config: {minute: 10}, enabled: true}
        consumers:
        - {id: c-1, username: alice, custom_id: ~}
        upstreams:
        - {id: u-1, name: billing-up, slots: 10000}
        targets:
        - {id: t-1, target: "10.0.0.5:443", weight: 100, upstream: u-1}

        """

    private func owned(_ routes: [(name: String, path: String)]) throws -> ConfigValue {
        let routeJSON = routes.map { #"{"name":"\#($0.name)","paths":["\#($0.path)"],"strip_path":true,"tags":["sutactl","sutactl-project-shop"]}"# }
        return try ConfigValue(yaml: #"{"_format_version":"3.0","services":[{"name":"shop-api","routes":[\#(routeJSON.joined(separator: ","))],"tags":["sutactl","sutactl-project-shop"],"url":"http://api:8000"}]}"#, file: "owned")
    }

    func testKeepsOtherOwnersEntitiesReusesOwnedIDsAndDropsStaleOwnedRoutes() throws {
        let text = try merge.merged(exported: exported, owned: try owned([("shop-api-api", "/api"), ("shop-api-v2", "/v2")]))
        let merged = try ConfigValue(yaml: text, file: "merged")
        XCTAssertEqual(merged["_format_version"], .string("3.0"))
        XCTAssertEqual(merged["_transform"], .bool(false), "exported credentials are not transformed again")
        guard case .array(let services)? = merged["services"], case .array(let routes)? = merged["routes"] else { return XCTFail(text) }
        XCTAssertEqual(services.compactMap { $0["name"]?.stringValue }, ["billing", "shop-api"])
        let ours = try XCTUnwrap(services.last)
        XCTAssertEqual(ours["id"], .string("s-ours"), "the owned service keeps its ID")
        XCTAssertEqual(ours["url"], .string("http://api:8000"))
        guard case .array(let nested)? = ours["routes"] else { return XCTFail(text) }
        XCTAssertEqual(nested.compactMap { $0["name"]?.stringValue }, ["shop-api-api", "shop-api-v2"])
        XCTAssertEqual(nested.map { $0["id"] }, [.string("r-ours"), nil], "the kept route keeps its ID (the plugin on it stays valid)")
        XCTAssertEqual(routes.compactMap { $0["name"]?.stringValue }, ["billing"], "the stale owned route is gone, the other owner's stays")
        for collection in ["plugins", "consumers", "upstreams", "targets"] {
            guard case .array(let entities)? = merged[collection] else { return XCTFail("\(collection) dropped: \(text)") }
            XCTAssertEqual(entities.count, 1, collection)
        }
        XCTAssertEqual(try merge.merged(exported: exported, owned: try owned([("shop-api-v2", "/v2"), ("shop-api-api", "/api")])), text,
                       "the same wanted entities give the same text, so check_hash can recognise it")
    }

    func testANameHeldByAnotherOwnerIsNotTakenOver() {
        XCTAssertThrowsError(try merge.merged(exported: exported, owned: try owned([("billing", "/b")]))) { error in
            XCTAssertEqual("\(error)", "gateway route billing already exists in Kong and is not tagged sutactl-project-shop: "
                + "sutactl does not take it over; rename the route or remove the other route")
        }
    }

    func testAnotherOwnersEntityOnARouteAboutToGoIsReported() {
        XCTAssertThrowsError(try merge.merged(exported: exported, owned: try owned([("shop-api-v2", "/v2")]))) { error in
            XCTAssertEqual("\(error)", "plugin rate-limiting (not sutactl's) uses the gateway route shop-api-api, which the manifests no longer "
                + "declare: remove it from Kong first, or declare the route again")
        }
    }

    func testAnEmptyNodeGetsTheFormatVersionAndOnlyTheOwnedServices() throws {
        let text = try merge.merged(exported: "_format_version: \"3.0\"\n_transform: false\n", owned: try owned([("shop-api-api", "/api")]))
        let merged = try ConfigValue(yaml: text, file: "merged")
        guard case .array(let services)? = merged["services"] else { return XCTFail(text) }
        XCTAssertEqual(services.count, 1)
        XCTAssertNil(merged["routes"])
        XCTAssertThrowsError(try merge.merged(exported: "- not a mapping", owned: try owned([])))
    }
}
