import XCTest
final class SutaHTTPTestsSmoke: XCTestCase { func testBuilds() {} }
