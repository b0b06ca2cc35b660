import Foundation
import XCTest

/// Every example, applied exactly as its comments say, on the real engine: healthy, serving
/// what it says, then taken down. (examples/offline, with the platform, is applied by
/// PlatformIntegrationTests and by `make demo`.)
final class ExampleIntegrationTests: XCTestCase {
    private let state = FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-example-\(UUID().uuidString.prefix(8))")

    override func tearDown() async throws {
        await EngineHarness.cleanUp("hello")
        try? FileManager.default.removeItem(at: state)
    }

    func testHelloAppliesHealthyServesItsGreetingAndGoesDown() async throws {
        try await EngineHarness.requireEngine()
        let environment = ["SUTACTL_STATE_DIR": state.path]
        // The commands in examples/hello/manifests/project.yaml, from the repository root.
        let validate = try SutactlRunner.run(["validate", "-f", "examples/hello/manifests/"], environment: environment)
        XCTAssertEqual(validate.status, 0, validate.stderr)
        let started = Date()
        let apply = try SutactlRunner.run(["apply", "-f", "examples/hello/manifests/", "--wait", "--timeout", "60s"], environment: environment)
        XCTAssertEqual(apply.status, 0, apply.stderr + apply.stdout)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "healthy in under 30 s")
        let containers = try await EngineHarness.containers(of: "hello")
        XCTAssertEqual(containers.map { $0.labels["sutactl.service"] ?? "" }.sorted(), ["cache", "web"])
        for container in containers { XCTAssertTrue(container.status.contains("(healthy)"), container.status) }

        let page = try await HTTPProbe.body(port: 18080, path: "/")
        XCTAssertEqual(page, "hello from dev\n", "the dev profile's greeting")

        let down = try SutactlRunner.run(["down", "-f", "examples/hello/manifests/"], environment: environment)
        XCTAssertEqual(down.status, 0, down.stderr)
        let left = try await EngineHarness.containers(of: "hello")
        XCTAssertEqual(left.count, 0)
    }
}
