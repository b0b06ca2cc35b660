import SutaYAML
import XCTest

final class DocumentTests: XCTestCase {
    func testEmptyFileHasNoDocuments() throws {
        XCTAssertEqual(try parse("").count, 0)
    }

    func testFileWithOnlyCommentsHasNoDocuments() throws {
        XCTAssertEqual(try parse("# nothing here\n\n   # indented comment\n").count, 0)
    }

    func testWhitespaceOnlyFileHasNoDocuments() throws {
        XCTAssertEqual(try parse("\n  \n\n").count, 0)
    }

    func testSingleImplicitDocument() throws {
        let documents = try parse("\n# header\nkind: Service\n")
        XCTAssertEqual(documents.count, 1)
        XCTAssertEqual(documents[0].location, at(3, 1))
        XCTAssertEqual(keys(documents[0].root), ["kind"])
    }

    func testMultipleDocuments() throws {
        let documents = try parse("""
            a: 1
            ---
            b: 2
            ...
            ---
            - c
            --- plain
            """)
        XCTAssertEqual(documents.count, 4)
        XCTAssertEqual(documents.map(\.location), [at(1, 1), at(2, 1), at(5, 1), at(7, 1)])
        XCTAssertEqual(keys(documents[0].root), ["a"])
        XCTAssertEqual(keys(documents[1].root), ["b"])
        XCTAssertEqual(documents[2].root?.sequence?.map { text($0) }, ["c"])
        XCTAssertEqual(text(documents[3].root), "plain")
        XCTAssertEqual(documents[3].root?.location, at(7, 5))
    }

    func testExplicitlyEmptyDocumentsHaveNilRoot() throws {
        let documents = try parse("---\n--- # just a comment\n...\n---\nkind: Volume\n---\n")
        XCTAssertEqual(documents.count, 4)
        XCTAssertNil(documents[0].root)
        XCTAssertNil(documents[1].root)
        XCTAssertEqual(keys(documents[2].root), ["kind"])
        XCTAssertNil(documents[3].root)
        XCTAssertEqual(documents.map(\.location), [at(1, 1), at(2, 1), at(4, 1), at(6, 1)])
    }

    func testNullAndQuotedEmptyRootsAreKept() throws {
        let documents = try parse("--- ~\n--- ''\n--- !!str\n")
        XCTAssertEqual(documents.map { $0.root?.scalar }, [
            YAMLScalar(text: "~", isPlain: true),
            YAMLScalar(text: "", isPlain: false),
            YAMLScalar(text: "", isPlain: false),
        ])
    }

    func testDocumentStartsAtItsDirectives() throws {
        let documents = try parse("%YAML 1.1\n---\na: 1\n")
        XCTAssertEqual(documents.count, 1)
        XCTAssertEqual(documents[0].location, at(1, 1))
    }
}
