import SutaHTTP
import XCTest

final class LineSplitterTests: XCTestCase {
    private func text(_ lines: [[UInt8]]) -> [String] {
        lines.map { String(decoding: $0, as: UTF8.self) }
    }

    func testJoinsLinesSplitAcrossChunks() {
        var splitter = LineSplitter()
        XCTAssertEqual(text(splitter.append(Array(#"{"a":1}"#.utf8))), [])
        XCTAssertEqual(text(splitter.append(Array("\n{\"b\"".utf8))), [#"{"a":1}"#])
        XCTAssertEqual(text(splitter.append(Array(":2}\n{\"c\":3}\n{\"d\"".utf8))), [#"{"b":2}"#, #"{"c":3}"#])
        XCTAssertEqual(splitter.finish().map { String(decoding: $0, as: UTF8.self) }, #"{"d""#)
        XCTAssertNil(splitter.finish())
    }

    func testStripsCRLFEvenWhenSplitAndKeepsEmptyLines() {
        var splitter = LineSplitter()
        XCTAssertEqual(text(splitter.append(Array("one\r\n\ntwo\r".utf8))), ["one", ""])
        XCTAssertEqual(text(splitter.append(Array("\n".utf8))), ["two"])
        XCTAssertEqual(text(splitter.append([])), [])
        XCTAssertNil(splitter.finish())
    }

    func testKeepsBytesThatAreNotUTF8() {
        var splitter = LineSplitter()
        XCTAssertEqual(splitter.append([0xFF, 0x00, 0x0A, 0xFE]), [[0xFF, 0x00]])
        XCTAssertEqual(splitter.finish(), [0xFE])
    }
}
