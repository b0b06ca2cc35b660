import XCTest
@testable import SutaModel

/// The schema's service fields are the reader's, so they cannot drift apart.
final class ManifestSchemaTests: XCTestCase {
    func testServiceFieldsAreExactlyTheOnesTheReaderAccepts() {
        XCTAssertEqual(ManifestSchema.serviceProperties.map(\.0), SpecReader.serviceFields)
    }
}
