import XCTest
final class SutaModelTestsSmoke: XCTestCase { func testBuilds() {} }
