import XCTest
final class SutactlTestsSmoke: XCTestCase { func testBuilds() {} }
