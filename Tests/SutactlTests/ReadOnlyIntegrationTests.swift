import Foundation
import XCTest

/// Read-only commands (status, diff, config, validate, breakers, logs) work with the
/// project's secrets unset, show what they could not compare, and write nothing; apply
/// refuses with one line per missing secret.
final class ReadOnlyIntegrationTests: XCTestCase {
    private var app: ScratchManifests?

    override func setUp() async throws {
        app = ScratchManifests(project: try await EngineHarness.scratchProject("ro"))
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(app?.project ?? "")
    }

    /// Every file under the state directory with its bytes and modification time.
    private func snapshot(_ directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let paths = try FileManager.default.subpathsOfDirectory(atPath: directory.path)
        for path in paths {
            let file = directory.appendingPathComponent(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            let modified = attributes[FileAttributeKey.modificationDate].map { "\($0)" } ?? "-"
            let data = FileManager.default.contents(atPath: file.path) ?? Data()
            result[path] = "\(modified) \(data.hashValue)"
        }
        return result
    }

    func testReadOnlyCommandsNeedNoSecretsAndWriteNothing() async throws {
        let app = try XCTUnwrap(app)
        try app.write(ScratchManifests.service("db", """
          command: ["8080"]
          environment: {DB_PASSWORD: "${DB_PASSWORD}", REGION: eu}
          healthcheck: {http: {port: 8080, path: /health}, interval: 300ms, retries: 3}
          stop_grace_period: 2s
        """))
        let secret = ["DB_PASSWORD": "canary-s3cret-value"]
        let applied = try app.sutactl(["apply", "--wait", "--timeout", "60s"], extra: secret)
        XCTAssertEqual(applied.status, 0, applied.stderr + applied.stdout)
        let before = try snapshot(app.stateDirectory)
        XCTAssertFalse(before.isEmpty)

        let status = try app.sutactl(["status"])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("unknown: environment (DB_PASSWORD unset)"), status.stdout)
        XCTAssertFalse(status.stdout.contains("config changed"), status.stdout)
        XCTAssertEqual(status.stderr, "")
        let json = try app.sutactl(["status", "-o", "json"])
        XCTAssertTrue(json.stdout.contains("\"drifted\": false"), json.stdout)

        let diff = try app.sutactl(["diff"])
        XCTAssertEqual(diff.status, 8, "nothing to change among what could be compared: " + diff.stdout + diff.stderr)
        XCTAssertEqual(diff.stdout, "unknown: service db: environment (DB_PASSWORD unset)\nno changes: 1 services up to date\n")
        for command in [["config"], ["validate"], ["breakers"], ["logs", "db"]] {
            let outcome = try app.sutactl(command)
            XCTAssertEqual(outcome.status, 0, "\(command): \(outcome.stderr)")
        }
        let validate = try app.sutactl(["validate"])
        XCTAssertTrue(validate.stderr.contains("warning: required secret `DB_PASSWORD` is not set"), validate.stderr)
        XCTAssertEqual(try snapshot(app.stateDirectory), before, "read-only commands rewrote nothing in the state directory")

        // A different value is drift, never shown.
        let changed = try app.sutactl(["status"], extra: ["DB_PASSWORD": "another-value"])
        XCTAssertTrue(changed.stdout.contains("config changed: environment"), changed.stdout)

        // apply refuses, with one line for the variable, and changes nothing.
        let ids = try await EngineHarness.idsByService(app.project)
        let refused = try app.sutactl(["apply"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr.components(separatedBy: "required secret `DB_PASSWORD` is not set").count, 2, refused.stderr)
        XCTAssertFalse(refused.stderr.contains("error: manifests/"), "no doubled `error:` prefix: " + refused.stderr)
        let after = try await EngineHarness.idsByService(app.project)
        XCTAssertEqual(after, ids)
        for output in [status.stdout, diff.stdout, validate.stderr, refused.stderr, changed.stdout] {
            XCTAssertFalse(output.contains("canary-s3cret-value"))
        }
    }

    func testReadOnlyCommandsOnANewProjectCreateNoStateDirectory() async throws {
        let app = try XCTUnwrap(app)
        try app.write(ScratchManifests.service("web", "  command: [\"8080\"]"))
        for command in [["status"], ["diff"], ["breakers"], ["config"], ["validate"]] {
            _ = try app.sutactl(command)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: app.stateDirectory.path), "no state directory for a project never applied")
    }
}
