import SutaYAML
import XCTest

final class LimitTests: XCTestCase {
    private let depthError = "nesting deeper than 128 levels"

    private func assertFailsQuickly(_ yaml: String, at location: SourceLocation, file: StaticString = #filePath, line: UInt = #line) {
        assertFailsQuickly(Array(yaml.utf8), at: location, file: file, line: line)
    }

    private func assertFailsQuickly(_ yaml: [UInt8], at location: SourceLocation, file: StaticString = #filePath, line: UInt = #line) {
        let start = ContinuousClock.now
        let error = parseError(yaml, file: file, line: line)
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
        assertFailsQuickly(yaml, at: at(129, 129))
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
            YAMLError("file is 10 bytes, more than the limit of 9", at: at(1, 1))
        )
    }
}
