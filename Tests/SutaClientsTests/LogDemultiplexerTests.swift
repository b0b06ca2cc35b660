import SutaClients
import XCTest

final class LogDemultiplexerTests: XCTestCase {
    private func frame(_ stream: UInt8, _ text: String) -> [UInt8] {
        let payload = Array(text.utf8)
        let size = UInt32(payload.count)
        return [stream, 0, 0, 0, UInt8(size >> 24), UInt8(size >> 16 & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size & 0xFF)] + payload
    }

    private let expected = [
        LogFrame(stream: .stdout, payload: Array("hello\n".utf8)),
        LogFrame(stream: .stderr, payload: Array("warning: x\n".utf8)),
        LogFrame(stream: .stdout, payload: []),
        LogFrame(stream: .stdout, payload: Array(String(repeating: "z", count: 300).utf8)),
    ]

    private var stream: [UInt8] {
        frame(1, "hello\n") + frame(2, "warning: x\n") + frame(1, "") + frame(1, String(repeating: "z", count: 300))
    }

    func testWholeStreamInOneChunk() {
        var demultiplexer = LogDemultiplexer()
        XCTAssertEqual(demultiplexer.append(stream), expected)
        XCTAssertTrue(demultiplexer.isAtFrameBoundary)
        XCTAssertNil(demultiplexer.failure)
    }

    func testSplitAtEveryByteOffset() {
        let bytes = stream
        for cut in 0...bytes.count {
            var demultiplexer = LogDemultiplexer()
            let frames = demultiplexer.append(Array(bytes[..<cut])) + demultiplexer.append(Array(bytes[cut...]))
            XCTAssertEqual(frames, expected, "cut at \(cut)")
            XCTAssertTrue(demultiplexer.isAtFrameBoundary, "cut at \(cut)")
        }
    }

    func testOneByteAtATime() {
        var demultiplexer = LogDemultiplexer()
        var frames: [LogFrame] = []
        for byte in stream {
            frames += demultiplexer.append([byte])
        }
        XCTAssertEqual(frames, expected)
    }

    func testAPartialFrameIsHeldBack() {
        var demultiplexer = LogDemultiplexer()
        XCTAssertEqual(demultiplexer.append(Array(frame(1, "abc").dropLast())), [])
        XCTAssertFalse(demultiplexer.isAtFrameBoundary)
        XCTAssertEqual(demultiplexer.append([UInt8(ascii: "c")]), [LogFrame(stream: .stdout, payload: Array("abc".utf8))])
    }

    func testRawBytesAreReportedAsNotMultiplexed() {
        var demultiplexer = LogDemultiplexer()
        let good = frame(1, "ok")
        XCTAssertEqual(demultiplexer.append(good + Array("plain text output\n".utf8)), [LogFrame(stream: .stdout, payload: Array("ok".utf8))])
        XCTAssertNotNil(demultiplexer.failure)
        XCTAssertTrue(demultiplexer.failure?.contains("not multiplexed") ?? false)
        XCTAssertEqual(demultiplexer.append(good), [])
    }
}
