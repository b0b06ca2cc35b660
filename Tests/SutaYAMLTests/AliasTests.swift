import SutaYAML
import XCTest

final class AliasTests: XCTestCase {
    func testAliasExpandsToTheAnchoredContent() throws {
        let root = try parseRoot("""
            base: &base
              image: nginx
              ports: [80, 443]
            web: *base
            name: &n 'hello'
            greeting: *n
            """)
        let web = try XCTUnwrap(root["web"])
        XCTAssertEqual(keys(web), ["image", "ports"])
        XCTAssertEqual(text(web["image"]), "nginx")
        XCTAssertEqual(web["ports"]?.sequence?.map { text($0) }, ["80", "443"])
        XCTAssertEqual(root["greeting"]?.scalar, YAMLScalar(text: "hello", isPlain: false))
    }

    func testCopyIsPositionedAtTheAliasAndItsContentAtTheAnchor() throws {
        let root = try parseRoot("base: &base\n  image: nginx\nweb: *base\n")
        let web = try XCTUnwrap(root["web"])
        XCTAssertEqual(web.location, at(3, 6))
        XCTAssertEqual(web.mapping?[0].key.location, at(2, 3))
        XCTAssertEqual(web["image"]?.location, at(2, 10))
        // A node with an anchor (or a tag) starts there.
        XCTAssertEqual(root["base"]?.location, at(1, 7))
    }

    func testAliasAsKey() throws {
        let root = try parseRoot("k: &k name\n*k : value\n")
        XCTAssertEqual(keys(root), ["k", "name"])
        XCTAssertEqual(root.mapping?[1].key.location, at(2, 1))
    }

    func testAliasToACollectionIsNotAKey() {
        XCTAssertEqual(
            parseError("a: &a [1]\n? *a\n: v\n"),
            YAMLError("mapping keys must be scalars", at: at(2, 3))
        )
    }

    func testLaterAnchorWithTheSameNameWins() throws {
        let root = try parseRoot("a: &x 1\nb: &x 2\nc: *x\n")
        XCTAssertEqual(text(root["c"]), "2")
    }

    func testUnknownAlias() {
        XCTAssertEqual(
            parseError("a: 1\nb: [x, *missing]\n"),
            YAMLError("unknown alias `*missing`", at: at(2, 8))
        )
    }

    func testAnchorsDoNotCrossDocuments() {
        XCTAssertEqual(
            parseError("a: &x 1\n---\nb: *x\n"),
            YAMLError("unknown alias `*x`", at: at(3, 4))
        )
    }

    func testAliasInsideItsOwnAnchor() {
        XCTAssertEqual(
            parseError("a: &r [1, *r]\n"),
            YAMLError("alias `*r` refers to a node that contains it", at: at(1, 11))
        )
    }

    func testBillionLaughsFailsFast() {
        for fanOut in [9, 10] {
            var lines = ["l0: &l0 [" + Array(repeating: "\"lol\"", count: fanOut).joined(separator: ", ") + "]"]
            for level in 1...8 {
                let aliases = Array(repeating: "*l\(level - 1)", count: fanOut).joined(separator: ", ")
                lines.append("l\(level): &l\(level) [\(aliases)]")
            }
            let start = ContinuousClock.now
            let error = parseError(lines.joined(separator: "\n"))
            XCTAssertLessThan(ContinuousClock.now - start, .milliseconds(500))
            XCTAssertEqual(error?.message, "document expands to more than 700000 nodes (alias bomb?)")
            // l5 holds about 0.6M nodes (or 1.1M): the limit breaks inside l6 (or l5).
            XCTAssertEqual(error?.location.line, fanOut == 9 ? 7 : 6, "fan-out \(fanOut)")
        }
    }

    func testNodeLimitCountsAliasCopies() throws {
        // 1 mapping + 2 keys + the sequence [1, 2] (3 nodes) + its copy (3 nodes) = 9.
        let yaml = "a: &a [1, 2]\nb: *a\n"
        XCTAssertNoThrow(try parse(yaml, limits: YAMLLimits(maxNodes: 9)))
        XCTAssertEqual(
            parseError(yaml, limits: YAMLLimits(maxNodes: 8)),
            YAMLError("document expands to more than 8 nodes (alias bomb?)", at: at(2, 4), hint: "the limit counts keys and every copy an alias makes")
        )
    }
}
