import XCTest
final class SutaYAMLTestsSmoke: XCTestCase { func testBuilds() {} }
