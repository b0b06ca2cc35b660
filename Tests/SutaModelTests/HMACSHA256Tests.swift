import XCTest
@testable import SutaModel

/// HMAC-SHA256 against the test vectors of RFC 4231 (section 4).
final class HMACSHA256Tests: XCTestCase {
    private func bytes(_ byte: UInt8, _ count: Int) -> [UInt8] { [UInt8](repeating: byte, count: count) }

    func testRFC4231Vectors() {
        let cases: [(key: [UInt8], data: [UInt8], mac: String)] = [
            (bytes(0x0b, 20), Array("Hi There".utf8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            (bytes(0xaa, 20), bytes(0xdd, 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            (Array(1...25), bytes(0xcd, 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            (bytes(0xaa, 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            (bytes(0xaa, 131), Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                                      + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ]
        for (index, vector) in cases.enumerated() {
            XCTAssertEqual(HMACSHA256.hex(key: vector.key, message: vector.data), vector.mac, "case \(index + 1)")
        }
        // Test case 5 is truncated to 128 bits.
        XCTAssertEqual(String(HMACSHA256.hex(key: bytes(0x0c, 20), message: Array("Test With Truncation".utf8)).prefix(32)),
                       "a3b6167473100ee06e0c796c2955552b")
    }

    func testAKeyOfExactlyOneBlockIsUsedAsIs() {
        // 64 bytes: not hashed first, so it differs from its own digest used as the key.
        let key = bytes(0x61, 64)
        XCTAssertNotEqual(HMACSHA256.mac(key: key, message: []), HMACSHA256.mac(key: SHA256.digest(key), message: []))
        XCTAssertEqual(HMACSHA256.mac(key: bytes(0x61, 65), message: []), HMACSHA256.mac(key: SHA256.digest(bytes(0x61, 65)), message: []))
    }
}
