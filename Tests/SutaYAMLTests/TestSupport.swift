import SutaYAML
import XCTest

/// The file name every test parses under.
let testFile = "test.yaml"

/// A location in `testFile`.
func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: testFile, line: line, column: column)
}

func parse(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> [YAMLDocument] {
    try YAMLParser.parse(Array(text.utf8), file: testFile, limits: limits)
}

/// The root of a file that must hold exactly one non-empty document.
func parseRoot(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> YAMLNode {
    let documents = try parse(text)
    XCTAssertEqual(documents.count, 1, "document count", file: file, line: line)
    return try XCTUnwrap(documents.first?.root, "root", file: file, line: line)
}

/// The error parsing `bytes` must fail with; nil (and a test failure) if it parses.
func parseError(_ bytes: [UInt8], limits: YAMLLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(bytes, file: testFile, limits: limits)
        XCTFail("expected a parse error", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

func parseError(_ text: String, limits: YAMLLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> YAMLError? {
    parseError(Array(text.utf8), limits: limits, file: file, line: line)
}

/// The keys of a mapping node, in order.
func keys(_ node: YAMLNode?) -> [String] {
    node?.mapping?.map { $0.key.scalar?.text ?? "<non-scalar>" } ?? []
}

/// The text of a scalar node.
func text(_ node: YAMLNode?) -> String? {
    node?.scalar?.text
}
