import Foundation
import SutaClients
import XCTest

/// Short-form binds on the real engine, as Compose does them: a missing host directory is
/// created (the legacy `Binds`), where a `Mounts` bind would fail with "bind source path
/// does not exist". A long-form bind keeps needing its source.
final class BindMountIntegrationTests: XCTestCase {
    private var app: ScratchManifests?

    override func setUp() async throws {
        app = ScratchManifests(project: try await EngineHarness.scratchProject("bind"))
    }

    override func tearDown() async throws {
        await EngineHarness.removeScratch(app?.project ?? "")
    }

    func testAShortFormBindOfAMissingDirectoryAppliesAndTheDirectoryExists() async throws {
        let app = try XCTUnwrap(app)
        let missing = app.directory.appendingPathComponent("manifests/data/cache")
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path))
        try app.write(ScratchManifests.service("web", """
          command: ["8080"]
          volumes: ["./data/cache:/cache", "./data/config:/config:ro"]
          stop_grace_period: 2s
        """))
        let applied = try app.sutactl(["apply", "--wait", "--timeout", "60s"])
        XCTAssertEqual(applied.status, 0, applied.stderr + applied.stdout)
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: missing.path, isDirectory: &isDirectory) && isDirectory.boolValue,
                      "the engine created the missing host directory")
        let ids = try await EngineHarness.idsByService(app.project)
        let inspect = try await EngineHarness.client.inspectContainer(try XCTUnwrap(ids["web"]?.first))
        let root = app.directory.appendingPathComponent("manifests").path
        XCTAssertEqual(inspect.hostConfig.binds, ["\(root)/data/cache:/cache:rw", "\(root)/data/config:/config:ro"])
        XCTAssertEqual(inspect.mounts.filter { $0.destination == "/config" }.map(\.readWrite), [false])

        let again = try app.sutactl(["apply"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, "no changes: 1 services up to date\n")
    }
}
