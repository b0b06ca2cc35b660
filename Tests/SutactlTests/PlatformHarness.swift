import Foundation
import SutaTestSupport
import XCTest

/// The shipped platform under test: its own project name, subnet and state directory, and
/// the Kong, Consul and Ollama stand-ins the Project's URLs point at.
final class PlatformHarness {
    let project: String
    let state: URL
    let kong: KongStandIn
    let consul: ConsulStandIn
    let ollama: OllamaStandIn
    let environment: [String: String]

    /// Fails under CI (skips elsewhere) while the demo holds the platform's fixed host ports.
    init(project: String, subnet: Int, consulToken: String? = nil) async throws {
        try await EngineHarness.requireEngine()
        let demo = try await EngineHarness.containers(of: "sutazai")
        if !demo.isEmpty {
            let message = "the SutazAI demo is running and holds the platform's ports; run `make demo-down` first"
            if ProcessInfo.processInfo.environment["CI"] != nil { throw EngineUnavailable(message: message) }
            throw XCTSkip(message)
        }
        await EngineHarness.cleanUp(project)
        self.project = project
        state = FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-\(project)")
        kong = try KongStandIn(mode: .dbless)
        consul = try ConsulStandIn(requiredToken: consulToken)
        ollama = try OllamaStandIn()
        ollama.setPull("tinyllama", .succeed(progressLines: 3))
        ollama.setPull("nomic-embed-text", .succeed(progressLines: 3))
        var environment = SutactlRunner.platformSecrets.merging([
            "SUTACTL_STATE_DIR": state.path, "SUTAZAI_SUBNET": "10.\(subnet).0.0/16", "SUTAZAI_GATEWAY": "10.\(subnet).0.1",
            "KONG_ADMIN_URL": kong.address, "CONSUL_URL": consul.address, "OLLAMA_URL": ollama.address,
        ]) { $1 }
        environment["CONSUL_HTTP_TOKEN"] = consulToken
        self.environment = environment
    }

    func sutactl(_ arguments: [String]) throws -> SutactlRunner.Outcome {
        try SutactlRunner.run(arguments + ["--project", project], environment: environment)
    }

    func tearDown() async {
        kong.stop()
        consul.stop()
        ollama.stop()
        await EngineHarness.cleanUp(project)
        try? FileManager.default.removeItem(at: state)
    }
}
