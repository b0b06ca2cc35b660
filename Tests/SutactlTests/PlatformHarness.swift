import Foundation
import SutaTestSupport
import XCTest

/// The shipped platform under test: its own project name, subnet, state directory and host
/// ports (``TestPortsProfile``), and the Kong, Consul and Ollama stand-ins the Project's URLs
/// point at; so it runs beside the SutazAI demo, which holds the platform's fixed ports.
final class PlatformHarness {
    let project: String
    let state: URL
    let ports: TestPortsProfile
    let kong: KongStandIn
    let consul: ConsulStandIn
    let ollama: OllamaStandIn
    let environment: [String: String]

    init(project: String, subnet: Int, consulToken: String? = nil) async throws {
        try await EngineHarness.requireEngine()
        await EngineHarness.cleanUp(project)
        self.project = project
        state = FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-\(project)")
        ports = try TestPortsProfile.write(in: FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-\(project)-ports"),
                                           environment: SutactlRunner.platformSecrets)
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

    /// `-f` for the manifests, the offline overlay and the generated ports overlay.
    var manifestArguments: [String] { ["-f", "manifests/", "-f", "examples/offline/"] + ports.arguments }

    /// A `--profile` value with the ports overlay added last, e.g. `minimal,offline,testports`.
    func profile(_ names: String) -> String { "\(names),\(TestPortsProfile.name)" }

    func sutactl(_ arguments: [String]) throws -> SutactlRunner.Outcome {
        try SutactlRunner.run(arguments + ["--project", project], environment: environment)
    }

    func tearDown() async {
        kong.stop()
        consul.stop()
        ollama.stop()
        await EngineHarness.cleanUp(project)
        try? FileManager.default.removeItem(at: state)
        try? FileManager.default.removeItem(at: ports.directory)
    }
}
