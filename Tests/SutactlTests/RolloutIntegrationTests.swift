import Foundation
import XCTest

/// `rollout history` and `rollout undo` on the real engine: two applies make two revisions,
/// undo brings the first configuration back to the container (and only to that service),
/// records a third, and no secret value is ever written to the state directory.
final class RolloutIntegrationTests: XCTestCase {
    private var app: ScratchManifests?
    private let secret = "rollout-secret-\(UUID().uuidString.prefix(8))"

    override func setUp() async throws {
        app = ScratchManifests(project: try await EngineHarness.scratchProject("hist"))
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(app?.project ?? "")
    }

    /// `web` (MODE and the secret TOKEN) and `other` (MODE too), under a Project declaring the secret.
    private func write(_ app: ScratchManifests, mode: String) throws {
        try app.write("spec: {secrets: [HIST_TOKEN]}\n"
            + ScratchManifests.service("web", "  command: [\"8080\"]\n  environment: {MODE: \(mode), TOKEN: \"${HIST_TOKEN}\"}\n  stop_grace_period: 1s")
            + ScratchManifests.service("other", "  command: [\"8080\"]\n  environment: {MODE: \(mode)}\n  stop_grace_period: 1s"))
    }

    private func environment(_ service: String) async throws -> [String] {
        let app = try XCTUnwrap(app)
        let ids = try await EngineHarness.idsByService(app.project)
        let id = try XCTUnwrap(ids[service]?.first)
        return try await EngineHarness.client.inspectContainer(id).config.env
    }

    func testUndoBringsThePreviousConfigurationBackAndRecordsANewRevision() async throws {
        let app = try XCTUnwrap(app)
        let secrets = ["HIST_TOKEN": secret]
        func run(_ arguments: [String], status: Int32 = 0, extra: [String: String] = secrets) throws -> SutactlRunner.Outcome {
            let outcome = try app.sutactl(arguments, extra: extra)
            XCTAssertEqual(outcome.status, status, "sutactl \(arguments.joined(separator: " ")): \(outcome.stdout)\(outcome.stderr)")
            XCTAssertFalse((outcome.stdout + outcome.stderr).contains(secret), "no secret value in the output")
            return outcome
        }
        try write(app, mode: "one")
        _ = try run(["apply"])
        let first = try run(["rollout", "undo", "web"], status: 2)
        XCTAssertEqual(first.stderr, "error: service web has no previous revision to go back to (only revision 1 is recorded)\n")
        try write(app, mode: "two")
        _ = try run(["apply"])

        let history = try run(["rollout", "history", "web"])
        let rows = history.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        XCTAssertEqual(rows.first.map { $0.map(String.init) }, ["service", "web"], history.stdout)
        XCTAssertEqual(rows.dropFirst().first.map { $0.map(String.init) }, ["REVISION", "TIME", "CHANGED"])
        XCTAssertEqual(rows.dropFirst(2).map { $0.first.map(String.init) ?? "" }, ["1", "2"], history.stdout)
        XCTAssertEqual(rows.last?.last.map(String.init), "environment.MODE", history.stdout)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try run(["rollout", "history", "web", "-o", "json"]).stdout.utf8))
                                 as? [String: Any])
        let revisions = try XCTUnwrap(json["revisions"] as? [[String: Any]])
        XCTAssertEqual(revisions.map { $0["revision"] as? Int }, [1, 2])
        XCTAssertEqual(revisions.last?["changed"] as? [String], ["environment.MODE"])
        XCTAssertTrue(try run(["rollout", "history", "web", "--revision", "1"]).stdout.contains("TOKEN: ${HIST_TOKEN}"))

        // Errors: one line each, exit 2, nothing changed.
        let before = try await EngineHarness.idsByService(app.project)
        for (arguments, message) in [(["rollout", "undo", "nope"], "error: unknown service `nope` in project \(app.project)"),
                                     (["rollout", "undo", "web", "--to-revision", "7"], "error: service web has no revision 7 (revisions 1, 2)"),
                                     (["rollout", "history", "nope"], "error: unknown service `nope` in project \(app.project)")] {
            let refused = try run(arguments, status: 2)
            XCTAssertEqual(refused.stderr.split(separator: "\n").last.map(String.init), message, refused.stderr)
        }
        let unset = try run(["rollout", "undo", "web"], status: 1, extra: [:])
        XCTAssertTrue(unset.stderr.contains("error: required secret `HIST_TOKEN` is not set"), unset.stderr)
        let after = try await EngineHarness.idsByService(app.project)
        XCTAssertEqual(after, before, "no container changed")

        let undo = try run(["rollout", "undo", "web"])
        XCTAssertTrue(undo.stdout.contains("service web rolled back to revision 1 (now revision 3)"), undo.stdout)
        let web = try await environment("web")
        XCTAssertTrue(web.contains("MODE=one"), "\(web.filter { $0.hasPrefix("MODE") })")
        XCTAssertTrue(web.contains("TOKEN=\(secret)"), "the secret from the environment")
        let other = try await environment("other")
        XCTAssertTrue(other.contains("MODE=two"), "undo changes only the service it names")
        let undone = try await EngineHarness.idsByService(app.project)
        XCTAssertEqual(undone["other"], before["other"], "the other service's container is the same one")

        let third = try run(["rollout", "history", "web", "-o", "json"])
        let latest = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(third.stdout.utf8)) as? [String: Any])?["revisions"] as? [[String: Any]])
        XCTAssertEqual(latest.last?["revision"] as? Int, 3)
        XCTAssertEqual(latest.last?["changed"] as? [String], ["environment.MODE"])
        let again = try run(["rollout", "undo", "web", "--to-revision", "3"])
        XCTAssertTrue(again.stdout.contains("service web already runs the configuration of revision 3: nothing rolled back"), again.stdout)
        let unchanged = try await EngineHarness.idsByService(app.project)
        XCTAssertEqual(unchanged, undone, "nothing recreated")
        XCTAssertTrue(try run(["diff"], status: 1).stdout.contains("~ environment.MODE \"one\" -> \"two\""), "the manifests still say two")

        // The secret's value is in no file of the state directory.
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: app.stateDirectory.path))
        var files = 0
        while let relative = enumerator.nextObject() as? String {
            let path = app.stateDirectory.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            files += 1
            XCTAssertNil(data.range(of: Data(secret.utf8)), "\(relative) holds the secret's value")
        }
        XCTAssertGreaterThan(files, 3)
        XCTAssertTrue(FileManager.default.fileExists(atPath: app.stateDirectory.appendingPathComponent("projects/\(app.project)/history/web.json").path))
    }
}
