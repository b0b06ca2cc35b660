import SutaYAML
import XCTest

final class MergeKeyTests: XCTestCase {
    func testExplicitKeysOverrideMergedOnes() throws {
        let root = try parseRoot("""
            defaults: &defaults
              restart: always
              memory: 512M
            web:
              <<: *defaults
              memory: 1G
              image: nginx
            """)
        let web = try XCTUnwrap(root["web"])
        // Merged entries stand where `<<` was.
        XCTAssertEqual(keys(web), ["restart", "memory", "image"])
        XCTAssertEqual(text(web["memory"]), "1G")
        XCTAssertEqual(web["memory"]?.location, at(6, 11))
        // Merged entries keep the positions of their source.
        XCTAssertEqual(web.mapping?[0].key.location, at(2, 3))
        XCTAssertEqual(web["restart"]?.location, at(2, 12))
    }

    func testExplicitKeyBeforeTheMergeStillWins() throws {
        let root = try parseRoot("d: &d {a: 1, b: 1}\nm:\n  a: 2\n  <<: *d\n")
        XCTAssertEqual(keys(root["m"]), ["a", "b"])
        XCTAssertEqual(text(root["m"]?["a"]), "2")
    }

    func testSequenceOfMapsEarlierWins() throws {
        let root = try parseRoot("""
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2, w: 2}
            c:
              <<: [*a, *b]
              z: 3
            """)
        let c = try XCTUnwrap(root["c"])
        XCTAssertEqual(keys(c), ["x", "y", "w", "z"])
        XCTAssertEqual(["x", "y", "w", "z"].map { text(c[$0]) }, ["1", "1", "2", "3"])
    }

    func testInlineMappingAndNestedMerges() throws {
        let root = try parseRoot("""
            base: &base {a: 1}
            mid: &mid
              <<: *base
              b: 2
            top:
              <<: *mid
              c: 3
            inline:
              <<: {p: 1}
            """)
        XCTAssertEqual(keys(root["top"]), ["a", "b", "c"])
        XCTAssertEqual(keys(root["inline"]), ["p"])
    }

    func testQuotedMergeKeyIsAnOrdinaryKey() throws {
        let root = try parseRoot("a: &a {x: 1}\nb:\n  '<<': *a\n")
        XCTAssertEqual(keys(root["b"]), ["<<"])
    }

    func testMergeOfAScalarIsAnError() {
        XCTAssertEqual(
            parseError("a:\n  <<: 5\n"),
            YAMLError("`<<` needs a mapping or a sequence of mappings to merge", at: at(2, 7))
        )
    }

    func testMergeOfASequenceWithANonMappingIsAnError() {
        XCTAssertEqual(
            parseError("m: &m {x: 1}\na:\n  <<: [*m, [1]]\n"),
            YAMLError("`<<` merges only mappings; this item is not one", at: at(3, 12))
        )
    }

    func testTwoMergeKeysAreDuplicates() {
        XCTAssertEqual(
            parseError("m: &m {x: 1}\na:\n  <<: *m\n  <<: *m\n"),
            YAMLError("duplicate key `<<` (first defined at line 3)", at: at(4, 3))
        )
    }
}
