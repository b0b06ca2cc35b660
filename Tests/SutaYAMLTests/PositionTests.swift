import SutaYAML
import XCTest

final class PositionTests: XCTestCase {
    private let manifest = """
        apiVersion: v1
        metadata:
          name: web
          labels: {tier: front, "x": 'y'}
        spec:
          ports:
            - 80
            - name: https
              port: 443
          args: [a, "b c"]
          env:
          - A
        """

    func testKeysAndValuesOfNestedBlockMappings() throws {
        let root = try parseRoot(manifest)
        XCTAssertEqual(root.location, at(1, 1))
        let entries = try XCTUnwrap(root.mapping)
        XCTAssertEqual(entries[0].key.location, at(1, 1))
        XCTAssertEqual(entries[0].value.location, at(1, 13))
        XCTAssertEqual(entries[1].key.location, at(2, 1))
        // A block mapping starts at its first key.
        XCTAssertEqual(entries[1].value.location, at(3, 3))
        let metadata = try XCTUnwrap(entries[1].value.mapping)
        XCTAssertEqual(metadata[0].key.location, at(3, 3))
        XCTAssertEqual(metadata[0].value.location, at(3, 9))
        XCTAssertEqual(metadata[1].key.location, at(4, 3))
    }

    func testFlowMappingKeysAndQuotedValues() throws {
        let labels = try XCTUnwrap(parseRoot(manifest)["metadata"]?["labels"])
        XCTAssertEqual(labels.location, at(4, 11))
        let entries = try XCTUnwrap(labels.mapping)
        XCTAssertEqual(entries.map(\.key.location), [at(4, 12), at(4, 25)])
        // Quoted scalars start at their opening quote.
        XCTAssertEqual(entries.map(\.value.location), [at(4, 18), at(4, 30)])
    }

    func testSequenceItems() throws {
        let spec = try XCTUnwrap(parseRoot(manifest)["spec"])
        let ports = try XCTUnwrap(spec["ports"])
        XCTAssertEqual(ports.location, at(7, 5))
        let items = try XCTUnwrap(ports.sequence)
        XCTAssertEqual(items.map(\.location), [at(7, 7), at(8, 7)])
        let https = try XCTUnwrap(items[1].mapping)
        XCTAssertEqual(https.map(\.key.location), [at(8, 7), at(9, 7)])
        XCTAssertEqual(https.map(\.value.location), [at(8, 13), at(9, 13)])

        let args = try XCTUnwrap(spec["args"])
        XCTAssertEqual(args.location, at(10, 9))
        XCTAssertEqual(args.sequence?.map(\.location), [at(10, 10), at(10, 13)])

        // A sequence indented no deeper than its key.
        let env = try XCTUnwrap(spec["env"])
        XCTAssertEqual(env.location, at(12, 3))
        XCTAssertEqual(env.sequence?.map(\.location), [at(12, 5)])
    }

    func testColumnsCountCharactersNotBytes() throws {
        let root = try parseRoot("é: ü\nñandú: [a, 'b']\n")
        XCTAssertEqual(root.mapping?[0].value.location, at(1, 4))
        XCTAssertEqual(root["ñandú"]?.sequence?.map(\.location), [at(2, 9), at(2, 12)])
    }

    func testLocationsCarryTheFileName() throws {
        let documents = try YAMLParser.parse(Array("a: 1".utf8), file: "dir/app.yaml")
        XCTAssertEqual(documents.first?.root?.mapping?.first?.value.location.description, "dir/app.yaml:1:4")
    }

    func testCRLFLineEndings() throws {
        let root = try parseRoot("a: 1\r\nb:\r\n  c: 2\r\n")
        XCTAssertEqual(root["b"]?.mapping?[0].key.location, at(3, 3))
        XCTAssertEqual(root["b"]?["c"]?.location, at(3, 6))
    }
}
