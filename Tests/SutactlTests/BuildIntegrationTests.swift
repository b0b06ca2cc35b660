import Foundation
import XCTest

/// Image builds on the real engine, from a local Dockerfile on the stand-in image (no
/// registry): built and run; an unchanged second apply builds and changes nothing; an edit
/// of a context file rebuilds and recreates; an edit of a .dockerignore'd file does not; a
/// failing step is shown with its number and leaves the running container as it was.
final class BuildIntegrationTests: XCTestCase {
    private var app: ScratchManifests?

    override func setUp() async throws {
        app = ScratchManifests(project: try await EngineHarness.scratchProject("bld"))
    }

    /// The images the test built: a rebuild leaves the one before untagged (as Compose does).
    private var built: [String] = []

    override func tearDown() async throws {
        // Containers first: an image a container uses would only lose its tag.
        await EngineHarness.removeScratch(app?.project ?? "")
        if let app { _ = try? docker(["rmi", "\(app.project)-web"] + built) }
    }

    private func docker(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["docker"] + arguments
        process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func context(_ path: String, _ text: String) throws {
        let url = try XCTUnwrap(app).directory.appendingPathComponent("manifests/web/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func webID() async throws -> String {
        let ids = try await EngineHarness.idsByService(try XCTUnwrap(app).project)
        return try XCTUnwrap(ids["web"]?.first, "\(ids)")
    }

    /// The page the container serves, once its server listens (within 10 s).
    private func page(_ port: Int) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            do {
                return try await HTTPProbe.body(port: port, path: "/page.txt")
            } catch where ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    private func imageID() throws -> String {
        let id = try docker(["image", "inspect", "--format", "{{.Id}}", "\(try XCTUnwrap(app).project)-web"])
        if !id.isEmpty, !built.contains(id) { built.append(id) }
        return id
    }

    func testBuildRunRebuildOnlyOnChangeAndAFailingStep() async throws {
        let app = try XCTUnwrap(app)
        let port = EngineHarness.freePorts(1)[0]
        let dockerfile = "FROM sutactl-standin:1\nCOPY page.txt /www/page.txt\n"
        try context("Dockerfile", dockerfile)
        try context("page.txt", "one\n")
        try context(".dockerignore", "# not sent\nnotes.md\n")
        try context("notes.md", "draft\n")
        try app.write(ScratchManifests.service("web", """
          command: ["8080"]
          ports: ["127.0.0.1:\(port):8080"]
          stop_grace_period: 2s
        """).replacingOccurrences(of: "  image: sutactl-standin:1\n", with: "  build: ./web\n"))

        let diff = try app.sutactl(["diff"])
        XCTAssertTrue(diff.stdout.hasPrefix("build service web (image \(app.project)-web): image not found\n    + build.hash "), diff.stdout)
        let first = try app.sutactl(["apply"])
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertTrue(first.stdout.contains("service web:   Step 2/"), "the build's progress is shown: \(first.stdout)")
        XCTAssertTrue(first.stdout.contains("1 image built"), first.stdout)
        let served = try await page(port)
        XCTAssertEqual(served, "one\n", "the container runs the built image")
        let hash = try docker(["image", "inspect", "--format", "{{index .Config.Labels \"sutactl.build-hash\"}}", "\(app.project)-web"])
        XCTAssertEqual(hash.count, 12, "the image carries its build hash")
        let (container, image) = (try await webID(), try imageID())

        let again = try app.sutactl(["apply"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("no changes"), again.stdout)
        XCTAssertFalse(again.stdout.contains("Step "), "nothing was built: \(again.stdout)")
        let kept = try await webID()
        XCTAssertEqual(kept, container)
        XCTAssertEqual(try imageID(), image)

        try context("notes.md", "a file .dockerignore leaves out\n")
        XCTAssertTrue(try app.sutactl(["diff"]).stdout.contains("no changes"))
        XCTAssertEqual(try app.sutactl(["apply"]).status, 0)
        let afterIgnored = try await webID()
        XCTAssertEqual(afterIgnored, container, "an ignored file's change rebuilds nothing")
        XCTAssertEqual(try imageID(), image)

        try context("page.txt", "two\n")
        let changed = try app.sutactl(["diff"])
        XCTAssertTrue(changed.stdout.contains("build service web (image \(app.project)-web): context or build settings changed\n    ~ build.hash \(hash) -> "),
                      changed.stdout)
        XCTAssertTrue(changed.stdout.contains("recreate service web (container \(app.project)-web-1 \(container.prefix(12))): config changed: build\n"
                                              + "    ~ build.hash \(hash) -> "), changed.stdout)
        let rebuilt = try app.sutactl(["apply"])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stdout + rebuilt.stderr)
        let recreated = try await webID()
        XCTAssertNotEqual(recreated, container, "a rebuilt image recreates its service")
        let rebuiltPage = try await page(port)
        XCTAssertEqual(rebuiltPage, "two\n")
        let current = try imageID()

        // The COPY layer is the cached one: the failing build leaves no image behind.
        try context("Dockerfile", dockerfile + "RUN false\n")
        let failed = try app.sutactl(["apply"])
        XCTAssertNotEqual(failed.status, 0, failed.stdout)
        XCTAssertTrue(failed.stdout.contains("service web: failed: build of service web failed at step 3/"), failed.stdout)
        XCTAssertTrue(failed.stdout.contains(": RUN false: The command '/bin/sh -c false' returned a non-zero code: 1"), failed.stdout)
        XCTAssertTrue(failed.stdout.contains("service web: skipped: service web did not succeed"), failed.stdout)
        let afterFailure = try await webID()
        XCTAssertEqual(afterFailure, recreated, "the running container is untouched")
        XCTAssertEqual(try imageID(), current)
        let stillServed = try await page(port)
        XCTAssertEqual(stillServed, "two\n")
    }

    func testABadContextIsRefusedAtItsPlaceAndChangesNothing() async throws {
        let app = try XCTUnwrap(app)
        try app.write(ScratchManifests.service("web", "  command: [\"8080\"]")
            .replacingOccurrences(of: "  image: sutactl-standin:1\n", with: "  build: ./missing\n"))
        let outcome = try app.sutactl(["apply"])
        XCTAssertEqual(outcome.status, 1, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("manifests/app.yaml:9:10: error: build context `"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("/manifests/missing` of service `web` is not a directory"), outcome.stderr)
        let containers = try await EngineHarness.containers(of: app.project)
        XCTAssertEqual(containers.count, 0)
    }
}
