import SutaYAML
import XCTest

final class KeyTests: XCTestCase {
    func testDuplicateKeyInBlockMapping() {
        XCTAssertEqual(
            parseError("metadata:\n  name: web\n  labels: {}\n  name: api\n"),
            YAMLError("duplicate key `name` (first defined at line 2)", at: at(4, 3))
        )
    }

    func testDuplicateKeyInFlowMapping() {
        XCTAssertEqual(
            parseError("{a: 1, b: 2, a: 3}"),
            YAMLError("duplicate key `a` (first defined at line 1)", at: at(1, 14))
        )
    }

    func testKeysCompareByText() {
        XCTAssertEqual(
            parseError("80: a\n\"80\": b\n"),
            YAMLError("duplicate key `80` (first defined at line 1)", at: at(2, 1))
        )
    }

    func testDuplicateKeyInLargeMapping() {
        let lines = (0..<40).map { "key\($0): \($0)" } + ["key3: again"]
        XCTAssertEqual(
            parseError(lines.joined(separator: "\n")),
            YAMLError("duplicate key `key3` (first defined at line 4)", at: at(41, 1))
        )
        let last = (0..<40).map { "key\($0): \($0)" } + ["key39: again"]
        XCTAssertEqual(parseError(last.joined(separator: "\n"))?.location, at(41, 1))
    }

    func testLargeMappingKeepsOrder() throws {
        let names = (0..<100).map { "key\($0)" }
        let root = try parseRoot(names.map { "\($0): x" }.joined(separator: "\n"))
        XCTAssertEqual(keys(root), names)
    }

    func testSameKeyInDifferentMappingsIsFine() throws {
        let root = try parseRoot("a: {name: 1}\nb: {name: 2}\n")
        XCTAssertEqual(text(root["b"]?["name"]), "2")
    }

    func testComplexKeysAreRejected() {
        XCTAssertEqual(parseError("? [a, b]\n: v\n"), YAMLError("mapping keys must be scalars", at: at(1, 3)))
        XCTAssertEqual(parseError("? {a: 1}\n: v\n"), YAMLError("mapping keys must be scalars", at: at(1, 3)))
        XCTAssertEqual(parseError("x: {[a]: 1}\n"), YAMLError("mapping keys must be scalars", at: at(1, 5)))
    }
}
