import Foundation
import XCTest

/// `sutactl schema`: the committed copy is current, every shipped manifest and every
/// documented example passes a real validator (Debian's python3-jsonschema), and an unknown
/// field is refused as `validate` refuses it.
final class SchemaTests: XCTestCase {
    private let root = SutactlRunner.repositoryRoot

    /// Runs Debian's python3 (where `make test` installs python3-jsonschema and python3-yaml).
    private func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func testTheCommittedSchemaIsWhatTheCommandPrints() throws {
        let printed = try SutactlRunner.run(["schema"])
        XCTAssertEqual(printed.status, 0)
        let committed = try String(contentsOf: root.appendingPathComponent("docs/sutactl.schema.json"), encoding: .utf8)
        XCTAssertEqual(printed.stdout, committed, "run `sutactl schema > docs/sutactl.schema.json`")
    }

    func testEveryShippedManifestAndDocumentedExampleIsValid() throws {
        let scripts = try SutactlRunner.fixtures.appendingPathComponent("schema")
        let files = try ["manifests", "profiles", "examples"].flatMap { directory in
            try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent(directory).path)
                .filter { $0.hasSuffix(".yaml") }.map { "\(directory)/\($0)" }
        }
        XCTAssertGreaterThan(files.count, 15)
        let manifests = try python([scripts.appendingPathComponent("validate_manifests.py").path, "docs/sutactl.schema.json"] + files)
        XCTAssertEqual(manifests.status, 0, manifests.output)
        XCTAssertTrue(manifests.output.hasSuffix("0 problems\n"), manifests.output)
        let examples = try python([scripts.appendingPathComponent("validate_doc_examples.py").path, "docs/sutactl.schema.json", "docs/manifests.md"])
        XCTAssertEqual(examples.status, 0, examples.output)
        XCTAssertTrue(examples.output.contains("documented examples, 0 problems"), examples.output)
    }

    func testAnUnknownFieldIsRefusedByTheSchemaAsByValidate() throws {
        let scripts = try SutactlRunner.fixtures.appendingPathComponent("schema")
        let refused = try python([scripts.appendingPathComponent("validate_manifests.py").path, "docs/sutactl.schema.json",
                                  scripts.appendingPathComponent("unknown-field.yaml").path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.output.contains("spec/resources: Additional properties are not allowed ('memroy' was unexpected)"), refused.output)
        let validate = try SutactlRunner.run(["validate", "-f", scripts.appendingPathComponent("unknown-field.yaml").path])
        XCTAssertTrue(validate.stderr.contains("unknown field `memroy` in resources"), validate.stderr)
    }
}
