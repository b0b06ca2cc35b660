import Foundation
import XCTest

/// docs/compose.md's example, run as the page shows it: its compose file, then its command
/// sequence line by line (convert, validate, apply, status, logs, config, down).
final class ComposeDocTests: XCTestCase {
    private var project = ""

    override func tearDown() async throws {
        await EngineHarness.removeScratch(project)
    }

    /// The fenced blocks of `language` in the page, in order.
    private static func blocks(_ language: String, in page: String) -> [String] {
        page.components(separatedBy: "```" + language + "\n").dropFirst().compactMap { $0.components(separatedBy: "\n```").first }
    }

    func testThePagesExampleRunsAsWritten() async throws {
        project = try await EngineHarness.scratchProject("cvt-doc")
        let page = try String(contentsOf: SutactlRunner.repositoryRoot.appendingPathComponent("docs/compose.md"), encoding: .utf8)
        let compose = try XCTUnwrap(Self.blocks("yaml", in: page).first)
        let commands = try XCTUnwrap(Self.blocks("sh", in: page).first).split(separator: "\n").map(String.init)
        XCTAssertEqual(commands.first, "sutactl convert -f compose.yaml -o manifests")
        XCTAssertEqual(commands.last, "sutactl down --volumes")
        var scratch = ScratchManifests(project: project)
        scratch.environment["WEB_PORT"] = String(EngineHarness.freePorts(1)[0])
        try FileManager.default.removeItem(at: scratch.directory.appendingPathComponent("manifests"))
        try compose.write(to: scratch.directory.appendingPathComponent("compose.yaml"), atomically: true, encoding: .utf8)

        var outcomes: [String: SutactlRunner.Outcome] = [:]
        for command in commands {
            let words = command.split(separator: " ").map(String.init)
            XCTAssertEqual(words.first, "sutactl")
            let outcome = try scratch.sutactl(Array(words.dropFirst()) + (words[1] == "apply" ? ["--timeout", "60s"] : []))
            XCTAssertEqual(outcome.status, 0, "\(command): \(outcome.stderr)\(outcome.stdout)")
            outcomes[words[1]] = outcome
            if words[1] == "apply" {
                let running = try await EngineHarness.idsByService(project)
                XCTAssertEqual(Set(running.keys), ["web", "cache"], "the default profile: services without compose profiles")
                let health = try await HTTPProbe.get(port: Int(scratch.environment["WEB_PORT"]!)!, path: "/health")
                XCTAssertEqual(health, 200, "published on the port ${WEB_PORT} names")
            }
        }
        XCTAssertTrue(outcomes["convert"]?.stderr.contains("compose.yaml:19:5: warning: `container_name` is not carried") == true,
                      outcomes["convert"]?.stderr ?? "")
        for file in ["project.yaml", "services/web.yaml", "services/cache.yaml", "services/debug.yaml", "profiles/default.yaml", "profiles/debug.yaml"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.directory.appendingPathComponent("manifests/" + file).path), file)
        }
        let web = try String(contentsOf: scratch.directory.appendingPathComponent("manifests/services/web.yaml"), encoding: .utf8)
        XCTAssertTrue(web.contains("GREETING: ${GREETING:-hello}") && web.contains("published: ${WEB_PORT:-8080}"), web)
        XCTAssertTrue(outcomes["validate"]?.stdout.contains("valid: project \(project), profile default: 2 services") == true,
                      outcomes["validate"]?.stdout ?? "")
        let status = outcomes["status"]?.stdout ?? ""
        XCTAssertTrue(status.contains("2/2 services running and healthy") && status.contains("0.0.0.0:\(scratch.environment["WEB_PORT"]!)->8080/tcp"), status)
        XCTAssertTrue(outcomes["config"]?.stdout.contains("GREETING: hello") == true, outcomes["config"]?.stdout ?? "")
        let left = try await EngineHarness.containers(of: project)
        XCTAssertEqual(left.count, 0, "down removes the containers")
    }
}
