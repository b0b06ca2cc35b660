import Foundation
import SutaTestSupport
import XCTest

/// The stand-ins driven by independent clients from PyPI (the official `ollama` package and
/// `py-consul`), installed by scripts/install-deps.sh in `.build/pyclients`: what those
/// clients see is what they would see from the real servers, refusals included.
final class PythonClientTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let python = root.appendingPathComponent(".build/pyclients/bin/python3")

    /// Runs `script` with `arguments` (at most 60 s) and decodes the JSON object it prints.
    private func run(_ script: String, _ arguments: [String]) throws -> [String: Any] {
        guard FileManager.default.isExecutableFile(atPath: Self.python.path) else {
            let message = "no \(Self.python.path): run scripts/install-deps.sh"
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(message); return [:] }
            throw XCTSkip(message)
        }
        let process = Process()
        process.executableURL = Self.python
        process.arguments = ["-c", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, stderr)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text + stderr)
    }

    func testTheOllamaPackageSeesCapabilitiesTheGenerateRefusalAndAnEmbedLoad() throws {
        let ollama = try OllamaStandIn(models: [OllamaStandInModel(name: "tinyllama"), OllamaStandInModel(name: "nomic-embed-text")])
        defer { ollama.stop() }
        let result = try run("""
            import json, sys, ollama
            client = ollama.Client(host=sys.argv[1])
            out = {"show": {m: list(client.show(m).capabilities or []) for m in ["tinyllama", "nomic-embed-text"]}}
            try:
                client.generate(model="nomic-embed-text", keep_alive="10m")
                out["generate"] = "loaded"
            except ollama.ResponseError as error:
                out["generate"] = [error.status_code, error.error]
            out["load"] = client.generate(model="tinyllama", keep_alive="5m").done_reason
            embedded = client.embed(model="nomic-embed-text", input=[], keep_alive="10m")
            out["embed"] = [embedded.model, [list(e) for e in embedded.embeddings]]
            out["vectors"] = len(client.embed(model="nomic-embed-text", input=["a", "bc"]).embeddings)
            out["ps"] = sorted(m.model for m in client.ps().models)
            print(json.dumps(out))
            """, [ollama.address])
        XCTAssertEqual(result["show"] as? [String: [String]], ["tinyllama": ["completion"], "nomic-embed-text": ["embedding"]])
        XCTAssertEqual(result["generate"] as? [AnyHashable], [400, #""nomic-embed-text" does not support generate"#])
        XCTAssertEqual(result["load"] as? String, "load")
        let embed = try XCTUnwrap(result["embed"] as? [Any])
        XCTAssertEqual(embed.first as? String, "nomic-embed-text")
        XCTAssertEqual((embed.last as? [Any])?.count, 0, "no input: the model is only loaded")
        XCTAssertEqual(result["vectors"] as? Int, 2)
        XCTAssertEqual(result["ps"] as? [String], ["nomic-embed-text:latest", "tinyllama:latest"])
    }

    func testPyConsulSeesTheAgentsInvalidServiceMetaRefusal() throws {
        let consul = try ConsulStandIn()
        defer { consul.stop() }
        let port = try XCTUnwrap(URLComponents(string: consul.address)?.port)
        let result = try run("""
            import json, sys, consul
            agent = consul.Consul(host="127.0.0.1", port=int(sys.argv[1])).agent
            out = {}
            for key in ["bad.key", "consul-owner"]:
                try:
                    agent.service.register("api", service_id="shop-api", port=18000, meta={key: "x"})
                    out[key] = "registered"
                except consul.ConsulException as error:
                    out[key] = [type(error).__name__, str(error)]
            out["ok"] = agent.service.register("api", service_id="shop-api", port=18000, meta={"version": "2"})
            out["services"] = {name: service["Meta"] for name, service in agent.services().items()}
            print(json.dumps(out))
            """, [String(port)])
        XCTAssertEqual(result["bad.key"] as? [String],
                       ["BadRequest", "400 Invalid Service Meta: Couldn't load metadata pair ('bad.key', 'x'): Key contains invalid characters"])
        XCTAssertEqual(result["consul-owner"] as? [String],
                       ["BadRequest", "400 Invalid Service Meta: Couldn't load metadata pair ('consul-owner', 'x'): Key prefix 'consul-' is reserved for internal use"])
        XCTAssertEqual(result["ok"] as? Bool, true)
        XCTAssertEqual(result["services"] as? [String: [String: String]], ["shop-api": ["version": "2"]])
    }
}
