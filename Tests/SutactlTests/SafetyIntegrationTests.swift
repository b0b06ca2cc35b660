import Foundation
import XCTest

/// Operator safety on the real engine: which project a command acts on (and `down` asking
/// before a remembered one), graceful stops in reverse dependency order, and read-only
/// commands that need no secrets and write nothing.
final class SafetyIntegrationTests: XCTestCase {
    private var projects: [String] = []

    override func tearDown() async throws {
        for project in projects { await EngineHarness.removeScratch(project) }
    }

    private func scratch(_ prefix: String) async throws -> ScratchManifests {
        let project = try await EngineHarness.scratchProject(prefix)
        projects.append(project)
        return ScratchManifests(project: project)
    }

    private let quickService = ScratchManifests.service("web", "  command: [\"8080\"]\n  stop_grace_period: 2s")

    func testEachCommandActsOnTheNamedProjectAndDownAsksBeforeARememberedOne() async throws {
        let here = try await scratch("here")
        var other = try await scratch("other")
        other.environment = here.environment   // one state directory: `other` is the project applied last
        try here.write(quickService)
        try other.write(quickService)
        let applied = try other.sutactl(["apply"])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertTrue(applied.stderr.hasPrefix("project \(other.project) (from ./manifests)\n"), applied.stderr)
        let otherIDs = try await EngineHarness.idsByService(other.project)
        XCTAssertEqual(otherIDs["web"]?.count, 1)

        // In a directory with manifests/, every command acts on that project.
        XCTAssertTrue(try here.sutactl(["validate"]).stdout.hasPrefix("valid: project \(here.project),"))
        let status = try here.sutactl(["status", "-o", "json"])
        XCTAssertTrue(status.stdout.contains("\"project\": \"\(here.project)\""), status.stdout)
        let down = try here.sutactl(["down"])
        XCTAssertEqual(down.status, 0, down.stderr)
        XCTAssertTrue(down.stderr.hasPrefix("project \(here.project) (from ./manifests)\n"), down.stderr)
        let untouched = try await EngineHarness.idsByService(other.project)
        XCTAssertEqual(untouched, otherIDs, "the project applied last was not touched")

        // Where no manifests/ is, the remembered project is said, and down refuses without a terminal.
        let elsewhere = here.directory.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let refused = try here.sutactl(["down"], in: elsewhere)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.hasPrefix("project \(other.project) (remembered: the last project applied, from "), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("error: refusing to remove project \(other.project): no -f, --project or ./manifests names it here"),
                      refused.stderr)
        let stillThere = try await EngineHarness.idsByService(other.project)
        XCTAssertEqual(stillThere, otherIDs)
        let remembered = try here.sutactl(["status"], in: elsewhere)
        XCTAssertEqual(remembered.status, 0, remembered.stderr)
        XCTAssertTrue(remembered.stdout.hasPrefix("project: \(other.project) "), remembered.stdout)

        let confirmed = try here.sutactl(["down", "--yes"], in: elsewhere)
        XCTAssertEqual(confirmed.status, 0, confirmed.stderr)
        let gone = try await EngineHarness.containers(of: other.project)
        XCTAssertEqual(gone.count, 0)
    }

    func testDownStopsDependentsFirstAndWaitsEachGracePeriod() async throws {
        let app = try await scratch("grace")
        let out = app.directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // Each writes its name once it has finished with TERM; web needs 11 s for it (more than
        // the engine's default 10 s), within its 15 s grace period.
        func service(_ name: String, cleanup: String, extra: String = "") -> String {
            ScratchManifests.service(name, """
              entrypoint: [/bin/sh, -c]
              command: ["trap '\(cleanup)echo \(name) >> /out/log; exit 0' TERM; while true; do sleep 1 & wait $!; done"]
              volumes: ["\(out.path):/out"]
              stop_signal: SIGTERM
              stop_grace_period: 15s
            \(extra)
            """)
        }
        try app.write(service("db", cleanup: "") + service("web", cleanup: "sleep 11; ", extra: "  depends_on: [db]"))
        let applied = try app.sutactl(["apply", "--wait", "--timeout", "60s"])
        XCTAssertEqual(applied.status, 0, applied.stderr + applied.stdout)

        let started = Date()
        let down = try app.sutactl(["down"])
        XCTAssertEqual(down.status, 0, down.stderr + down.stdout)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 11, "web's cleanup was waited for")
        let log = try String(contentsOf: out.appendingPathComponent("log"), encoding: .utf8)
        XCTAssertEqual(log, "web\ndb\n", "web (the dependent) finished its cleanup before db was stopped; neither was killed")
    }
}
