@testable import SutaClients
import XCTest

final class DockerFiltersTests: XCTestCase {
    func testLabelFiltersEncodeAsJSONArrays() {
        XCTAssertEqual(DockerFilters.labels(["app=web", "tier"]).json, #"{"label":["app=web","tier"]}"#)
        XCTAssertTrue(DockerFilters.labels([]).isEmpty)
        XCTAssertEqual(DockerFilters.labels([]).json, "{}")
    }

    func testSeveralFiltersAreSortedByNameAndKeepValueOrder() {
        let filters = DockerFilters(["type": ["container"], "label": ["b=2", "a=1"], "event": []])
        XCTAssertEqual(filters.json, #"{"label":["b=2","a=1"],"type":["container"]}"#)
    }

    func testSpecialCharactersAreEscapedInJSON() {
        XCTAssertEqual(DockerFilters.labels(["say=\"hi\"\\\n"]).json, #"{"label":["say=\"hi\"\\\n"]}"#)
    }

    func testFiltersArePercentEncodedInTheQuery() {
        var query = DockerQuery()
        query.add("all", true)
        query.add(filters: .labels(["app=web", "tier"]))
        XCTAssertEqual(query.rendered, "?all=1&filters=%7B%22label%22%3A%5B%22app%3Dweb%22%2C%22tier%22%5D%7D")
        var empty = DockerQuery()
        empty.add(filters: .labels([]))
        XCTAssertEqual(empty.rendered, "")
    }

    func testPercentEncodingKeepsOnlyUnreservedCharacters() {
        XCTAssertEqual(DockerQuery.encode("a-b_c.d~e"), "a-b_c.d~e")
        XCTAssertEqual(DockerQuery.encode("a b/c:d?é"), "a%20b%2Fc%3Ad%3F%C3%A9")
        XCTAssertEqual(DockerQuery.encode("localhost:5000/app@sha256:ab", keeping: "/:@"), "localhost:5000/app@sha256:ab")
    }

    func testAPIVersionsParseAndCompareNumerically() {
        XCTAssertEqual(DockerAPIVersion("1.41"), DockerAPIVersion(1, 41))
        XCTAssertNil(DockerAPIVersion("1"))
        XCTAssertNil(DockerAPIVersion("1.x"))
        XCTAssertNil(DockerAPIVersion("1.41.2"))
        XCTAssertLessThan(DockerAPIVersion(1, 9), DockerAPIVersion(1, 41))
        XCTAssertEqual(min(DockerClient.maximumAPIVersion, DockerAPIVersion(1, 50)).description, "1.47")
    }
}
