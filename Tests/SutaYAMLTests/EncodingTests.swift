import SutaYAML
import XCTest

final class EncodingTests: XCTestCase {
    func testInvalidBytesInAValue() {
        let bytes = Array("kind: Service\nname: ".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        XCTAssertEqual(parseError(bytes), YAMLError("file is not valid UTF-8", at: at(2, 7)))
    }

    func testInvalidSequencesOfEveryKind() {
        let prefix = Array("é: ".utf8)  // columns count characters: the bad byte is column 4
        let cases: [[UInt8]] = [
            [0xC3],  // truncated at end of file
            [0xC3, 0x28],  // bad continuation byte
            [0xC0, 0xAF],  // overlong encoding
            [0xED, 0xA0, 0x80],  // UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0x80],  // lone continuation byte
        ]
        for bad in cases {
            XCTAssertEqual(parseError(prefix + bad), YAMLError("file is not valid UTF-8", at: at(1, 4)), "\(bad)")
        }
    }

    func testUTF16IsRejected() {
        let utf16: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00, 0x20, 0x00, 0x31, 0x00]
        XCTAssertEqual(parseError(utf16), YAMLError("file is not valid UTF-8", at: at(1, 1)))
    }

    func testNULByte() {
        XCTAssertEqual(
            parseError(Array("a: 1\nb: x".utf8) + [0] + Array("y\n".utf8)),
            YAMLError("file contains a NUL byte", at: at(2, 5))
        )
    }

    func testControlCharacter() {
        XCTAssertEqual(
            parseError(Array("a: x".utf8) + [0x01]),
            YAMLError("file contains the control character U+0001", at: at(1, 5))
        )
    }

    func testByteOrderMarkIsSkipped() throws {
        let documents = try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: testFile)
        XCTAssertEqual(documents.first?.root?.mapping?[0].key.location, at(1, 1))
        XCTAssertEqual(documents.first?.root?["a"]?.location, at(1, 4))
        XCTAssertEqual(try YAMLParser.parse([0xEF, 0xBB, 0xBF], file: testFile).count, 0)
    }

    func testNonASCIIText() throws {
        let root = try parseRoot("名前: \"日本語 🚀\"\n")
        XCTAssertEqual(keys(root), ["名前"])
        XCTAssertEqual(text(root["名前"]), "日本語 🚀")
    }
}
