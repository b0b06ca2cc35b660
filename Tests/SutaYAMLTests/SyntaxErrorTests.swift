import SutaYAML
import XCTest

final class SyntaxErrorTests: XCTestCase {
    func testMappingValueInPlainScalar() {
        XCTAssertEqual(
            parseError("a: 1\nb:\n  c: d: e\n"),
            YAMLError("mapping values are not allowed in this context", at: at(3, 7))
        )
    }

    func testUnclosedFlowSequenceIsReportedAtItsOpening() {
        XCTAssertEqual(
            parseError("a: [1, 2\nb: 3\n"),
            YAMLError("unclosed `[`: no matching `]`", at: at(1, 4), hint: "parsing stopped at line 2, column 2; close the list with `]`")
        )
        // Also at the very end of a file without a final line break (libyaml ends the line).
        XCTAssertEqual(parseError("a: [1, 2"),
                       YAMLError("unclosed `[`: no matching `]`", at: at(1, 4), hint: "parsing stopped at line 2, column 1; close the list with `]`"))
        // The innermost open one is the one reported.
        XCTAssertEqual(parseError("a: [x, {y: z\n"),
                       YAMLError("unclosed `{`: no matching `}`", at: at(1, 8), hint: "parsing stopped at line 2, column 1; close the mapping with `}`"))
    }

    func testUnclosedFlowMappingIsReportedAtItsOpening() {
        XCTAssertEqual(
            parseError("spec:\n  resources: {memory: 1G, cpus: 2\n  image: x\n"),
            YAMLError("unclosed `{`: no matching `}`", at: at(2, 14), hint: "parsing stopped at line 3, column 8; close the mapping with `}`")
        )
    }

    func testMissingCommaOnTheSameLineIsReportedWhereItIs() {
        XCTAssertEqual(
            parseError("a: [x, \"y\" z]\n"),
            YAMLError("did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4)", at: at(1, 12))
        )
    }

    func testUnclosedQuoteIsReportedAtItsOpening() {
        XCTAssertEqual(
            parseError("metadata: {name: \"web}\nspec:\n  image: busybox\n"),
            YAMLError("unclosed quote: this `\"` is never closed", at: at(1, 18),
                      hint: "the quoted value runs to the end of the file; close it with `\"`")
        )
        XCTAssertEqual(
            parseError("a: 'it\nb: 1\n"),
            YAMLError("unclosed quote: this `'` is never closed", at: at(1, 4), hint: "the quoted value runs to the end of the file; close it with `'`")
        )
        XCTAssertEqual(
            parseError("a: \"x\n---\nb: 1\n"),
            YAMLError("unclosed quote: this `\"` is never closed", at: at(1, 4),
                      hint: "the quoted value runs into the document marker at line 2; close it with `\"`")
        )
    }

    func testQuoteClosedOnALaterLineIsReportedAtItsOpening() {
        // The quote opened on line 1 is closed by the one that opens line 2's value.
        XCTAssertEqual(
            parseError("a: \"x\nb: \"y\"\n"),
            YAMLError("unclosed quote: this `\"` is closed only at line 2, column 4", at: at(1, 4),
                      hint: "a quoted value may span lines, so the next `\"` closed it; close the quote on its own line")
        )
        // A value that spans lines on purpose stays valid.
        XCTAssertEqual(try parseRoot("a: \"x\n  y\"\nb: 1\n")["a"]?.scalar?.text, "x y")
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
