import Foundation
import XCTest

/// Field-level diff on the real engine: diff lists each changed field with its values, apply
/// then does exactly the steps diff listed, and a limit changed in the running container
/// (`docker update`) is seen and set back in place.
final class FieldDiffIntegrationTests: XCTestCase {
    private var app: ScratchManifests?

    override func setUp() async throws {
        app = ScratchManifests(project: try await EngineHarness.scratchProject("fd"))
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(app?.project ?? "")
    }

    private func cache(memory: String, feature: String? = nil) -> String {
        ScratchManifests.service("cache", """
          command: ["8080"]
          environment: {MODE: one\(feature.map { ", FEATURE: \($0)" } ?? "")}
          resources: {memory: \(memory)}
          restart: unless-stopped
          stop_grace_period: 2s
        """)
    }

    func testDiffShowsValuesApplyDoesExactlyThatAndLiveDriftIsRepairedInPlace() async throws {
        let app = try XCTUnwrap(app)
        try app.write(cache(memory: "64M"))
        XCTAssertEqual(try app.sutactl(["apply"]).status, 0)

        try app.write(cache(memory: "96M", feature: "on"))
        let diff = try app.sutactl(["diff"])
        XCTAssertEqual(diff.status, 1, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("    + environment.FEATURE \"on\"\n    ~ resources.memory 64M -> 96M\n"), diff.stdout)
        let planned = try app.sutactl(["diff", "-o", "json"])
        let applied = try app.sutactl(["apply", "-o", "json"])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        func steps(_ json: String) throws -> [String] {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return try XCTUnwrap(object["steps"] as? [[String: Any]]).map { step in
                let changes = (step["changes"] as? [[String: Any]] ?? []).map { "\($0["path"]!) \($0["before"]!) -> \($0["after"]!)" }
                return "\(step["action"]!) \(step["subject"]!) \(step["object"]!): " + changes.joined(separator: "; ")
            }
        }
        XCTAssertEqual(try steps(applied.stdout), try steps(planned.stdout), "apply did exactly what diff said")

        // Someone changes the running container's memory limit behind sutactl's back.
        let ids = try await EngineHarness.idsByService(app.project)
        let id = try XCTUnwrap(ids["cache"]?.first)
        try await EngineHarness.client.updateContainer(id, body: .init(memory: 128 << 20, memorySwap: 256 << 20, nanoCpus: 0, pidsLimit: 0,
                                                                       restartPolicy: .init(name: "unless-stopped")))
        let drift = try app.sutactl(["diff"])
        XCTAssertTrue(drift.stdout.contains("update service cache (container \(app.project)-cache-1 \(id.prefix(12))): changed in the container: resources.memory\n"
                                            + "    ~ resources.memory 128M -> 96M (changed in the container)\n"), drift.stdout)
        let repaired = try app.sutactl(["apply"])
        XCTAssertEqual(repaired.status, 0, repaired.stderr)
        let after = try await EngineHarness.client.inspectContainer(id)
        XCTAssertEqual(after.hostConfig.memory, 96 << 20, "set back in place")
        XCTAssertEqual(after.state.status, "running", "the same container, still running")
        XCTAssertEqual(try app.sutactl(["diff"]).status, 0)
    }
}
