import SutaYAML
import XCTest

final class TagTests: XCTestCase {
    private let hint = "manifests use no custom tags (allowed: !!str, !!int, !!float, !!bool, !!null, !!seq, !!map); "
        + "quote the value if the `!` belongs to it"

    func testUnsupportedStandardTagIsAnErrorAtTheTag() {
        XCTAssertEqual(parseError("a: 1\nimage: !!binary aGVsbG8=\n"),
                       YAMLError("unsupported tag `!!binary`", at: at(2, 8), hint: hint))
        XCTAssertEqual(parseError("when: !!timestamp 2001-12-14\n"),
                       YAMLError("unsupported tag `!!timestamp`", at: at(1, 7), hint: hint))
        XCTAssertEqual(parseError("s: !!set {a: null}\n"), YAMLError("unsupported tag `!!set`", at: at(1, 4), hint: hint))
    }

    func testCustomTagIsAnErrorOnScalarsAndCollections() {
        XCTAssertEqual(parseError("command: !custom x\n"), YAMLError("unknown tag `!custom`", at: at(1, 10), hint: hint))
        XCTAssertEqual(parseError("command: !custom [a]\n"), YAMLError("unknown tag `!custom`", at: at(1, 10), hint: hint))
        XCTAssertEqual(parseError("spec: !Ref\n  a: 1\n"), YAMLError("unknown tag `!Ref`", at: at(1, 7), hint: hint))
        XCTAssertEqual(parseError("%TAG !e! tag:example.com,2000:\n---\na: !e!thing x\n"),
                       YAMLError("unknown tag `!<tag:example.com,2000:thing>`", at: at(3, 4), hint: hint))
    }

    func testStandardTagsThatFitTheNodeAreAllowed() throws {
        let root = try parseRoot("""
            a: !!str 8080
            b: !!int "42"
            c: !!float 0.5
            d: !!bool true
            e: !!null ~
            f: !!seq [1]
            g: !!map {x: 1}
            h: ! 8080
            i: !<tag:yaml.org,2002:int> 7
            """)
        XCTAssertEqual(root["a"]?.scalar, YAMLScalar(text: "8080", isPlain: false))
        // A quoted value tagged as a number is read as that number.
        XCTAssertEqual(root["b"]?.scalar, YAMLScalar(text: "42", isPlain: true))
        XCTAssertEqual(root["c"]?.scalar, YAMLScalar(text: "0.5", isPlain: true))
        XCTAssertEqual(root["d"]?.scalar, YAMLScalar(text: "true", isPlain: true))
        XCTAssertEqual(root["e"]?.scalar, YAMLScalar(text: "~", isPlain: true))
        XCTAssertEqual(root["f"]?.sequence?.count, 1)
        XCTAssertEqual(keys(root["g"]), ["x"])
        // The non-specific tag `!` makes a string.
        XCTAssertEqual(root["h"]?.scalar, YAMLScalar(text: "8080", isPlain: false))
        XCTAssertEqual(root["i"]?.scalar, YAMLScalar(text: "7", isPlain: true))
    }

    func testStandardTagThatDoesNotFitIsAnError() {
        XCTAssertEqual(parseError("replicas: !!int two\n"),
                       YAMLError("tag `!!int` on `two`, which is not an integer", at: at(1, 11),
                                 hint: "remove the tag, or write the value as a whole number such as 8080"))
        XCTAssertEqual(parseError("cpus: !!float 1.5x\n"),
                       YAMLError("tag `!!float` on `1.5x`, which is not a number", at: at(1, 7),
                                 hint: "remove the tag, or write the value as a number such as 0.5"))
        XCTAssertEqual(parseError("ro: !!bool yes\n"),
                       YAMLError("tag `!!bool` on `yes`, which is not a boolean", at: at(1, 5), hint: "remove the tag, or write the value as true or false"))
        XCTAssertEqual(parseError("a: !!str [1]\n"), YAMLError("tag `!!str` on a sequence", at: at(1, 4), hint: "remove the tag"))
        XCTAssertEqual(parseError("a: !!seq {b: 1}\n"), YAMLError("tag `!!seq` on a mapping", at: at(1, 4), hint: "remove the tag"))
    }

    func testTagOnAnAnchoredNodeIsCheckedOnce() throws {
        let root = try parseRoot("a: &x !!int 3\nb: *x\n")
        XCTAssertEqual(root["b"]?.scalar, YAMLScalar(text: "3", isPlain: true))
        XCTAssertEqual(parseError("a: &x !custom 3\nb: *x\n"), YAMLError("unknown tag `!custom`", at: at(1, 4), hint: hint))
    }
}
