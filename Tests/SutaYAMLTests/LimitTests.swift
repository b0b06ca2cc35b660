import SutaYAML
import XCTest

final class LimitTests: XCTestCase {
    private let depthError = "nesting deeper than 128 levels"

    private func assertFailsQuickly(_ yaml: String, at location: SourceLocation, file: StaticString = #filePath, line: UInt = #line) {
        assertFailsQuickly(Array(yaml.utf8), at: location, file: file, line: line)
    }

    private func assertFailsQuickly(_ yaml: [UInt8], at location: SourceLocation, limits: YAMLLimits = .default,
                                    file: StaticString = #filePath, line: UInt = #line) {
        let start = ContinuousClock.now
        let error = parseError(yaml, limits: limits, file: file, line: line)
        XCTAssertLessThan(ContinuousClock.now - start, .milliseconds(500), file: file, line: line)
        XCTAssertEqual(error, YAMLError(depthError, at: location), file: file, line: line)
    }

    func testDeepFlowSequences() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        assertFailsQuickly(deep, at: at(1, 129))
    }

    func testDeepFlowMappingsUnderABlockMapping() {
        // `a: {a: {a: ... 1}}`: the root mapping is level 1, so the 128th `{` is too deep.
        let deep = "a: " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        assertFailsQuickly(deep, at: at(1, 4 + 4 * 127))
    }

    func testDeepBlockMappings() {
        // Indented one column per level: level k is the key on line k, column k. That makes
        // 50 MB, built by writing the keys into a buffer of spaces (appending is slow in debug).
        // The limit on file size is raised for it; the one on depth must still stop it early.
        let levels = 10_000
        var yaml = [UInt8](repeating: UInt8(ascii: " "), count: levels * (levels - 1) / 2 + 3 * levels)
        var offset = 0
        for level in 0..<levels {
            offset += level
            yaml[offset] = UInt8(ascii: "a")
            yaml[offset + 1] = UInt8(ascii: ":")
            yaml[offset + 2] = UInt8(ascii: "\n")
            offset += 3
        }
        assertFailsQuickly(yaml, at: at(129, 129), limits: YAMLLimits(maxBytes: 64 << 20))
    }

    func testDeepBlockSequences() {
        let deep = String(repeating: "- ", count: 10_000) + "x"
        assertFailsQuickly(deep, at: at(1, 2 * 128 + 1))
    }

    func testMaximumDepthIsAccepted() throws {
        let deep = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        var node = try parseRoot(deep)
        var depth = 1
        while let inner = node.sequence?.first {
            node = inner
            depth += 1
        }
        XCTAssertEqual(depth, 128)
    }

    func testAliasCannotExceedTheDepth() {
        // The alias sits at level 3 and brings 2 more levels.
        let yaml = "a: &a [[1]]\nb: [[*a]]\n"
        XCTAssertNoThrow(try parse(yaml, limits: YAMLLimits(maxDepth: 5)))
        XCTAssertEqual(
            parseError(yaml, limits: YAMLLimits(maxDepth: 4)),
            YAMLError("nesting deeper than 4 levels", at: at(2, 6))
        )
    }

    func testFileSizeLimit() {
        XCTAssertNoThrow(try parse("a: 123456", limits: YAMLLimits(maxBytes: 9)))
        XCTAssertEqual(
            parseError("a: 1234567", limits: YAMLLimits(maxBytes: 9)),
            YAMLError("file is 10 bytes, more than the limit of 9 bytes", at: at(1, 1))
        )
        XCTAssertEqual(YAMLLimits.default.maxBytes, 8 << 20)
    }

    private let scalarHint = "keep large content out of manifests (a file mounted with `volumes`, for example)"

    func testScalarSizeLimit() {
        let limits = YAMLLimits(maxScalarBytes: 8)
        XCTAssertNoThrow(try parse("a: 12345678\nb: \"\\x41234567\"\n", limits: limits))
        XCTAssertEqual(parseError("a: 1\nb: 123456789\n", limits: limits),
                       YAMLError("scalar is longer than the limit of 8 bytes", at: at(2, 4), hint: scalarHint))
        // Keys are scalars too.
        XCTAssertEqual(parseError("123456789: 1\n", limits: limits),
                       YAMLError("scalar is longer than the limit of 8 bytes", at: at(1, 1), hint: scalarHint))
        XCTAssertEqual(YAMLLimits.default.maxScalarBytes, 1 << 20)
    }

    func testHugeScalarIsRefusedBeforeItIsCopied() {
        // 20 MB written as one value, under a raised limit on file size: refused from libyaml's
        // length, at the node's start (its anchor or tag if it has one).
        let cases: [(prefix: String, column: Int)] = [
            ("image: ", 8), ("y: [a, ", 8), ("? ", 3), ("y: &anchor !tag ", 4), ("y: |\n  ", 4), ("--- |\n  ", 5),
        ]
        for (prefix, column) in cases {
            var yaml = Array(("x: 1\n# comment\n" + prefix).utf8)
            yaml += [UInt8](repeating: UInt8(ascii: "v"), count: 20 << 20)
            let start = ContinuousClock.now
            let error = parseError(yaml, limits: YAMLLimits(maxBytes: 64 << 20))
            XCTAssertLessThan(ContinuousClock.now - start, .seconds(5), prefix)
            XCTAssertEqual(error, YAMLError("scalar is longer than the limit of 1 MiB", at: at(3, column), hint: scalarHint), prefix)
        }
        let limits = YAMLLimits(maxScalarBytes: 8)
        XCTAssertEqual(parseError("a: &123456789 x\n", limits: limits)?.message, "anchor name is longer than the limit of 8 bytes")
        XCTAssertEqual(parseError("a: &x 1\nb: *123456789\n", limits: limits)?.message, "alias name is longer than the limit of 8 bytes")
        XCTAssertEqual(parseError("a: !123456789 x\n", limits: limits)?.message, "tag is longer than the limit of 8 bytes")
    }

    func testMessagesQuoteLongInputInPart() {
        let key = String(repeating: "k", count: 100)
        XCTAssertEqual(parseError("\(key): 1\n\(key): 2\n")?.message,
                       "duplicate key `\(String(repeating: "k", count: 57))...` (first defined at line 1)")
        XCTAssertEqual(parseError("a: *\(key)\n")?.message, "unknown alias `*\(String(repeating: "k", count: 57))...`")
    }

    func testLongCommentsAndBlankLinesAreNotScalars() throws {
        // 3 MiB of comment on one line, and 3 MiB of blank lines: no scalar is long.
        var yaml = Array("a: 1 # ".utf8) + [UInt8](repeating: UInt8(ascii: "c"), count: 3 << 20) + Array("\n".utf8)
        yaml += [UInt8](repeating: UInt8(ascii: "\n"), count: 3 << 20) + Array("b: [x, # note\n  y]\n".utf8)
        let root = try XCTUnwrap(try YAMLParser.parse(yaml, file: testFile, limits: YAMLLimits(maxBytes: 16 << 20)).first?.root)
        XCTAssertEqual(keys(root), ["a", "b"])
        XCTAssertEqual(root["b"]?.sequence?.count, 2)
    }

    func testNodeLimitCountsAllFilesOfALoad() throws {
        let limits = YAMLLimits(maxNodes: 10)
        var usage = YAMLUsage()
        // {a: [1, 2]} is 5 nodes: the mapping, `a`, the sequence and two items.
        XCTAssertNoThrow(try YAMLParser.parse(Array("a: [1, 2]\n".utf8), file: "one.yaml", limits: limits, usage: &usage))
        XCTAssertEqual(usage.nodes, 5)
        XCTAssertThrowsError(try YAMLParser.parse(Array("b: [1, 2, 3]\n".utf8), file: "two.yaml", limits: limits, usage: &usage)) { error in
            XCTAssertEqual(error as? YAMLError, YAMLError("this file and the ones before it expand to more than 10 nodes (alias bomb?)",
                                                          at: SourceLocation(file: "two.yaml", line: 1, column: 11),
                                                          hint: "the limit counts keys and every copy an alias makes"))
        }
        XCTAssertTrue(usage.exceeds(limits))
        // A file failing for another reason adds nothing.
        var other = YAMLUsage()
        XCTAssertThrowsError(try YAMLParser.parse(Array("a: [1, 2\n".utf8), file: "one.yaml", limits: limits, usage: &other))
        XCTAssertEqual(other, YAMLUsage())
    }

    func testParsedSizeLimitCountsTextAndAliasCopies() {
        // Each copy of the 100-byte value counts in full: 50 copies are about 8 KB.
        let yaml = "a: &v \(String(repeating: "x", count: 100))\nb: [" + Array(repeating: "*v", count: 50).joined(separator: ", ") + "]\n"
        XCTAssertNoThrow(try parse(yaml, limits: YAMLLimits(maxParsedBytes: 16 << 10)))
        XCTAssertEqual(parseError(yaml, limits: YAMLLimits(maxParsedBytes: 4 << 10))?.message,
                       "document expands to more than 4 KiB once parsed (alias bomb?)")
    }

    func testMillionItemsFailQuicklyAtTheNodeLimit() {
        // 1.5 million one-character items in lists of 10,000: over the limit, found while
        // reading, not after.
        let list = "[" + String(repeating: "1,", count: 9_999) + "1]"
        let yaml = "a: [" + Array(repeating: list, count: 150).joined(separator: ",\n") + "]\n"
        let start = ContinuousClock.now
        let error = parseError(yaml)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(5))
        XCTAssertEqual(error?.message, "document expands to more than 700000 nodes (alias bomb?)")
        XCTAssertEqual(error?.location.line, 70)
    }

    func testCollectionSizeLimit() {
        let hint = "the limit is 3 per list or mapping"
        let limits = YAMLLimits(maxCollectionEntries: 3)
        XCTAssertNoThrow(try parse("a: [1, 2, 3]\nb: {x: 1, y: 2, z: 3}\n", limits: limits))
        XCTAssertEqual(parseError("a: 1\nb: [1, 2, 3, 4]\n", limits: limits), YAMLError("list has more than 3 items", at: at(2, 4), hint: hint))
        XCTAssertEqual(parseError("a: 1\nb:\n  w: 1\n  x: 1\n  y: 1\n  z: 1\n", limits: limits),
                       YAMLError("mapping has more than 3 entries", at: at(3, 3), hint: hint))
        XCTAssertEqual(YAMLLimits.default.maxCollectionEntries, 10_000)
    }

    func testDocumentLimitCountsAllFilesOfALoad() throws {
        let limits = YAMLLimits(maxDocuments: 3)
        var usage = YAMLUsage()
        XCTAssertNoThrow(try YAMLParser.parse(Array("a: 1\n---\nb: 2\n".utf8), file: "one.yaml", limits: limits, usage: &usage))
        XCTAssertThrowsError(try YAMLParser.parse(Array("c: 3\n---\nd: 4\n".utf8), file: "two.yaml", limits: limits, usage: &usage)) { error in
            XCTAssertEqual(error as? YAMLError, YAMLError("this file and the ones before it have more than 3 documents",
                                                          at: SourceLocation(file: "two.yaml", line: 2, column: 1),
                                                          hint: "the limit is 3 documents in all manifest files"))
        }
        XCTAssertEqual(parseError("---\n---\n---\n---\n", limits: limits),
                       YAMLError("file has more than 3 documents", at: at(4, 1), hint: "the limit is 3 documents in all manifest files"))
    }
}
