import SutaModel
import XCTest

/// `.env` lines as Docker Compose reads them, and a positioned error for every line that is
/// not one.
final class DotEnvParserTests: XCTestCase {
    private func parse(_ text: String, maxValueBytes: Int = 1 << 20) -> DotEnvFile {
        DotEnvParser.parse(Array(text.utf8), path: "m/.env", maxValueBytes: maxValueBytes)
    }

    private func messages(_ text: String, maxValueBytes: Int = 1 << 20) -> [String] {
        parse(text, maxValueBytes: maxValueBytes).diagnostics.map(\.description)
    }

    func testValidLines() {
        let parsed = parse("""
        # comment
          # indented comment
        export A=1
        B = "two words"
        C='x # y'
        D=plain # trailing comment
        E=
        F="a \\" b"   # comment after a quote
        G=x#not-a-comment\r
        A=last wins

        """)
        XCTAssertEqual(parsed.variables, ["A": "last wins", "B": "two words", "C": "x # y", "D": "plain", "E": "",
                                          "F": "a \\\" b", "G": "x#not-a-comment"])
        XCTAssertEqual(parsed.diagnostics, [])
    }

    func testUnterminatedQuoteIsAnErrorAtTheQuote() {
        XCTAssertEqual(messages("OK=1\nIMG=\"busybox\n"), [
            "m/.env:2:5: error: unterminated quote in the value of `IMG`\n"
                + "  hint: close it with \" on the same line; values do not span lines",
        ])
        XCTAssertEqual(messages("export  PASSWORD = 'abc\n"), [
            "m/.env:1:20: error: unterminated quote in the value of `PASSWORD`\n"
                + "  hint: close it with ' on the same line; values do not span lines",
        ])
        XCTAssertEqual(parse("IMG=\"busybox\n").variables, [:])
    }

    func testMalformedLines() {
        XCTAssertEqual(messages("FOO\n  just some words\n=value\n1X=2\nMY-VAR=3\nA B=4\nC=\"x\" y\n"), [
            "m/.env:1:1: error: line has no `=`\n  hint: write NAME=VALUE",
            "m/.env:2:3: error: line has no `=`\n  hint: write NAME=VALUE",
            "m/.env:3:1: error: missing variable name before `=`\n  hint: write NAME=VALUE",
            "m/.env:4:1: error: invalid character `1` in variable name\n  hint: names are letters, digits and `_`, and do not start with a digit",
            "m/.env:5:3: error: invalid character `-` in variable name\n  hint: names are letters, digits and `_`, and do not start with a digit",
            "m/.env:6:2: error: invalid character ` ` in variable name\n  hint: names are letters, digits and `_`, and do not start with a digit",
            "m/.env:7:7: error: unexpected text after the closing quote of `C`\n"
                + "  hint: quote the whole value; a comment needs a space before its `#`",
        ])
    }

    func testMessagesNeverShowAValue() {
        let output = messages("TOKEN=\"s3cr3t-value\nKEY='s3cr3t-value' junk\ns3cr3t-value\n").joined(separator: "\n")
        XCTAssertFalse(output.contains("s3cr3t"), output)
    }

    func testEncodingAndControlCharacters() {
        XCTAssertEqual(messages("A=caf\u{E9}\nB=x\u{1}y\nC=\u{0}\n"), [
            "m/.env:2:4: error: line contains the control character U+0001",
            "m/.env:3:3: error: line contains a NUL byte",
        ])
        // Raw bytes, not a Swift string (which would have replaced the bad byte already).
        XCTAssertEqual(DotEnvParser.parse([0x41, 0x3D, 0x78, 0xC3, 0x28, 0x0A], path: "m/.env").diagnostics.map(\.description),
                       ["m/.env:1:4: error: file is not valid UTF-8"])
        XCTAssertEqual(parse("A=caf\u{E9}\n").variables, ["A": "caf\u{E9}"])
    }

    func testValueLongerThanTheLimit() {
        XCTAssertEqual(messages("A=12345\nB=\"123456\"\n", maxValueBytes: 5), [
            "m/.env:2:3: error: value of `B` is longer than the limit of 5 bytes\n  hint: keep large content out of variables",
        ])
    }
}
