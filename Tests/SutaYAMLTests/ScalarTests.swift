import SutaYAML
import XCTest

final class ScalarTests: XCTestCase {
    func testPlainAndQuotedScalars() throws {
        let root = try parseRoot("""
            plain: 8080
            double: "8080"
            single: '8080'
            words: plain text here
            bool: true
            """)
        XCTAssertEqual(root.mapping?.map(\.value.scalar), [
            YAMLScalar(text: "8080", isPlain: true),
            YAMLScalar(text: "8080", isPlain: false),
            YAMLScalar(text: "8080", isPlain: false),
            YAMLScalar(text: "plain text here", isPlain: true),
            YAMLScalar(text: "true", isPlain: true),
        ])
        // Keys are scalars too.
        XCTAssertEqual(root.mapping?[0].key.scalar, YAMLScalar(text: "plain", isPlain: true))
    }

    func testEscapesAndQuotesAreDecoded() throws {
        let root = try parseRoot(#"a: "tab\there \"q\" \u00e9"\#nb: 'it''s'"#)
        XCTAssertEqual(text(root["a"]), "tab\there \"q\" é")
        XCTAssertEqual(text(root["b"]), "it's")
    }

    func testBlockScalarsAreNotPlain() throws {
        let root = try parseRoot("""
            literal: |
              line one
              line two
            folded: >
              folded
              text
            """)
        XCTAssertEqual(root["literal"]?.scalar, YAMLScalar(text: "line one\nline two\n", isPlain: false))
        // The last line has no line break to keep.
        XCTAssertEqual(root["folded"]?.scalar, YAMLScalar(text: "folded text", isPlain: false))
        XCTAssertEqual(root["literal"]?.location, at(1, 10))
    }

    func testStrTagMakesAScalarAString() throws {
        let root = try parseRoot("a: !!str 8080\nb: !!str true\nc: !!int 42\n")
        XCTAssertEqual(root["a"]?.scalar, YAMLScalar(text: "8080", isPlain: false))
        XCTAssertEqual(root["b"]?.scalar, YAMLScalar(text: "true", isPlain: false))
        XCTAssertEqual(root["c"]?.scalar, YAMLScalar(text: "42", isPlain: true))
        // A tagged node starts at its tag.
        XCTAssertEqual(root["a"]?.location, at(1, 4))
    }

    func testEmptyValueIsAnEmptyPlainScalar() throws {
        let root = try parseRoot("a:\nb: 1\n")
        XCTAssertEqual(root["a"]?.scalar, YAMLScalar(text: "", isPlain: true))
    }

    func testMultiLinePlainScalarIsFolded() throws {
        let root = try parseRoot("a: one\n  two\n")
        XCTAssertEqual(root["a"]?.scalar, YAMLScalar(text: "one two", isPlain: true))
    }
}
