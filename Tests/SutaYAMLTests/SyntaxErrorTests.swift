import SutaYAML
import XCTest

final class SyntaxErrorTests: XCTestCase {
    func testMappingValueInPlainScalar() {
        XCTAssertEqual(
            parseError("a: 1\nb:\n  c: d: e\n"),
            YAMLError("mapping values are not allowed in this context", at: at(3, 7))
        )
    }

    func testUnclosedFlowSequence() {
        XCTAssertEqual(
            parseError("a: [1, 2\nb: 3\n"),
            YAMLError("did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4)", at: at(2, 2))
        )
    }

    func testBadIndentation() {
        XCTAssertEqual(
            parseError("a:\n  b: 1\n c: 2\n"),
            YAMLError("did not find expected key (while parsing a block mapping at line 1, column 1)", at: at(3, 2))
        )
    }

    func testTabIndentation() {
        XCTAssertEqual(
            parseError("a:\n\tb: 1\n"),
            YAMLError("found character that cannot start any token (while scanning for the next token at line 2, column 1)", at: at(2, 1))
        )
    }

    func testErrorInALaterDocument() throws {
        let error = parseError("a: 1\n---\nb: [\n")
        XCTAssertEqual(error?.location.line, 4)
    }

    func testDescriptionIsCompilerStyle() {
        XCTAssertEqual(
            parseError("a: b: c")?.description,
            "test.yaml:1:5: error: mapping values are not allowed in this context"
        )
    }
}
