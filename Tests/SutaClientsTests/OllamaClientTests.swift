import Foundation
import SutaClients
import SutaHTTP
import SutaTestSupport
import XCTest

/// The Ollama client against ``OllamaStandIn``: listing, presence, pull streams (success,
/// an error line after the 200, a stream without success), preload and unload, error
/// mapping, and a breaker in front of it.
final class OllamaClientTests: XCTestCase {
    private var standIn: OllamaStandIn!
    private var client: OllamaClient!

    override func setUpWithError() throws {
        standIn = try OllamaStandIn(models: [OllamaStandInModel(name: "llama3.2:1b", size: 1_321_098_329)])
        client = OllamaClient(endpoint: try HTTPEndpoint(parsing: standIn.address))
    }

    override func tearDown() {
        standIn.stop()
    }

    private func failure<T>(_ operation: () async throws(OllamaError) -> T) async -> OllamaError? {
        do {
            _ = try await operation()
            return nil
        } catch {
            return error
        }
    }

    /// Pulls `model` and returns the progress lines and the error, if any.
    private func pull(_ model: String) async -> (progress: [OllamaPullProgress], error: OllamaError?) {
        let progress = SharedValue<[OllamaPullProgress]>([])
        let error = await failure { () async throws(OllamaError) in
            try await client.pull(model) { line in progress.withLock { $0.append(line) } }
        }
        return (progress.value, error)
    }

    // MARK: Listing and presence

    func testVersionAndTagsWithNormalizedNames() async throws {
        standIn.setPull("tinyllama", .succeed(progressLines: 1))
        _ = await pull("tinyllama")
        let version = try await client.version()
        XCTAssertEqual(version, "0.6.8")
        let tags = try await client.tags()
        XCTAssertEqual(tags.map(\.name), ["llama3.2:1b", "tinyllama:latest"])
        XCTAssertEqual(tags[0].size, 1_321_098_329)
        XCTAssertEqual(tags[0].digest.count, 64)
        XCTAssertTrue(tags[0].modifiedAt.hasPrefix("2024-05-29T"), tags[0].modifiedAt)
    }

    func testShowTellsWhetherAModelIsPresent() async throws {
        let present = try await client.isPresent("llama3.2:1b")
        let absent = try await client.isPresent("tinyllama")
        XCTAssertTrue(present)
        XCTAssertFalse(absent, "404 from /api/show")
        XCTAssertEqual(standIn.bodies(of: "POST /api/show"), [#"{"model":"llama3.2:1b"}"#, #"{"model":"tinyllama"}"#])
    }

    // MARK: Pull

    func testPullReportsProgressUntilSuccess() async throws {
        standIn.setPull("tinyllama", .succeed(progressLines: 4))
        let (progress, error) = await pull("tinyllama")
        XCTAssertNil(error)
        XCTAssertEqual(progress.first, OllamaPullProgress(status: "pulling manifest"))
        XCTAssertEqual(progress.last, OllamaPullProgress(status: "success"))
        let layer = progress.filter { $0.digest != nil }
        XCTAssertEqual(layer.count, 4)
        XCTAssertEqual(layer.compactMap(\.completed), [159_425_034, 318_850_069, 478_275_103, 637_700_138])
        XCTAssertTrue(layer.allSatisfy { $0.total == 637_700_138 && $0.digest!.hasPrefix("sha256:") && $0.status.hasPrefix("pulling ") })
        XCTAssertEqual(standIn.bodies(of: "POST /api/pull"), [#"{"model":"tinyllama","stream":true}"#])
        XCTAssertEqual(standIn.installedModels, ["llama3.2:1b", "tinyllama:latest"])
        let present = try await client.isPresent("tinyllama:latest")
        XCTAssertTrue(present)
    }

    func testAnErrorLineInAPullStreamIsAFailureDespiteThe200() async throws {
        let message = "max retries exceeded: Get \"https://registry.ollama.ai/v2/library/tinyllama/blobs/sha256:2af3\": dial tcp: lookup registry.ollama.ai: no such host"
        standIn.setPull("tinyllama", .failMidStream(progressLines: 2, message: message))
        let (progress, error) = await pull("tinyllama")
        XCTAssertEqual(error, .pullFailed(model: "tinyllama:latest", message: "cannot pull tinyllama:latest: \(message)"))
        XCTAssertEqual(progress.count, 3, "the manifest line and two progress lines came before the error")
        XCTAssertFalse(progress.contains { $0.status == "success" })
        XCTAssertEqual(error.map(CircuitBreaker.countsAsFailure), false, "the server itself answered")
        XCTAssertEqual(standIn.installedModels, ["llama3.2:1b"])
        let present = try await client.isPresent("tinyllama")
        XCTAssertFalse(present)
    }

    func testAPullStreamThatEndsWithoutSuccessIsAFailure() async {
        standIn.setPull("tinyllama", .endWithoutSuccess(progressLines: 2))
        let (progress, error) = await pull("tinyllama")
        XCTAssertEqual(progress.count, 3)
        guard case .pullFailed(let model, let message) = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(model, "tinyllama:latest")
        XCTAssertTrue(message.contains("without reporting success"), message)
        XCTAssertTrue(message.contains("after 'pulling "), message)
    }

    func testPullingAModelTheRegistryDoesNotHaveFails() async {
        let (_, error) = await pull("no-such-model")
        guard case .pullFailed(_, let message) = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue(message.hasSuffix("pull model manifest: file does not exist"), message)
    }

    // MARK: Preload and unload

    func testPreloadLoadsTheModelUntilItsKeepAliveAndUnloadRemovesIt() async throws {
        let before = try await client.loaded()
        XCTAssertEqual(before, [])
        try await client.preload("llama3.2:1b", keepAlive: "10m")
        XCTAssertEqual(standIn.loadedModels, ["llama3.2:1b"])
        let loaded = try await client.loaded()
        XCTAssertEqual(loaded.map(\.name), ["llama3.2:1b"])
        XCTAssertEqual(loaded.first?.size, 1_321_098_329)
        XCTAssertEqual(loaded.first?.sizeVRAM, 0)
        let expiry = try XCTUnwrap(loaded.first.flatMap { ISO8601DateFormatter.fractional.date(from: $0.expiresAt) })
        XCTAssertEqual(expiry.timeIntervalSinceNow, 600, accuracy: 30)

        try await client.unload("llama3.2:1b")
        XCTAssertEqual(standIn.loadedModels, [])
        let after = try await client.loaded()
        XCTAssertEqual(after, [])
        XCTAssertEqual(standIn.bodies(of: "POST /api/generate"), [
            #"{"keep_alive":"10m","model":"llama3.2:1b","stream":false}"#,
            #"{"keep_alive":0,"model":"llama3.2:1b","stream":false}"#,
        ], "no prompt: load or unload only")
    }

    func testAKeepAliveOfPlainSecondsIsSentAsANumber() async throws {
        try await client.preload("llama3.2:1b", keepAlive: "3600")
        try await client.preload("llama3.2:1b", keepAlive: "-1")
        XCTAssertEqual(standIn.bodies(of: "POST /api/generate"), [
            #"{"keep_alive":3600,"model":"llama3.2:1b","stream":false}"#,
            #"{"keep_alive":-1,"model":"llama3.2:1b","stream":false}"#,
        ], "the server rejects a string of digits without a unit")
        let loaded = try await client.loaded()
        let expiry = try XCTUnwrap(loaded.first.flatMap { ISO8601DateFormatter.fractional.date(from: $0.expiresAt) })
        XCTAssertGreaterThan(expiry.timeIntervalSinceNow, 100 * 365 * 86_400, "-1 keeps it loaded forever")
    }

    func testPreloadingAModelTheServerDoesNotHaveIsNotFoundAndUnloadingItIsFine() async throws {
        let error = await failure { () async throws(OllamaError) in try await client.preload("tinyllama", keepAlive: "5m") }
        XCTAssertEqual(error, .notFound(model: "tinyllama"))
        XCTAssertEqual(error.map(CircuitBreaker.countsAsFailure), false)
        try await client.unload("tinyllama")
    }

    func testAnEmbeddingModelCannotLoadThroughGenerateButLoadsThroughEmbed() async throws {
        let server = try OllamaStandIn(models: [OllamaStandInModel(name: "tinyllama"), OllamaStandInModel(name: "nomic-embed-text")])
        defer { server.stop() }
        let ollama = OllamaClient(endpoint: try HTTPEndpoint(parsing: server.address))
        let completion = try await ollama.capabilities(of: "tinyllama")
        let embedding = try await ollama.capabilities(of: "nomic-embed-text")
        XCTAssertEqual([completion, embedding], [["completion"], ["embedding"]])
        let missing = await failure { () async throws(OllamaError) in try await ollama.capabilities(of: "phi3") }
        XCTAssertEqual(missing, .notFound(model: "phi3"))

        let refused = await failure { () async throws(OllamaError) in try await ollama.preload("nomic-embed-text", keepAlive: "10m") }
        XCTAssertEqual(refused, .server(status: 400, message: #""nomic-embed-text" does not support generate"#), "GenerateHandler's answer")
        XCTAssertEqual(server.loadedModels, [])
        try await ollama.preloadEmbedding("nomic-embed-text", keepAlive: "10m")
        XCTAssertEqual(server.loadedModels, ["nomic-embed-text:latest"])
        XCTAssertEqual(server.bodies(of: "POST /api/embed"), [#"{"keep_alive":"10m","model":"nomic-embed-text"}"#], "no input: load only")
        let loaded = try await ollama.loaded()
        let expiry = try XCTUnwrap(loaded.first.flatMap { ISO8601DateFormatter.fractional.date(from: $0.expiresAt) })
        XCTAssertEqual(expiry.timeIntervalSinceNow, 600, accuracy: 30)
    }

    // MARK: Errors

    func testABusyServerAnswers503() async {
        standIn.setBusy(true)
        let tags = await failure { () async throws(OllamaError) in try await client.tags() }
        XCTAssertEqual(tags, .busy(OllamaStandIn.busyMessage))
        XCTAssertEqual(tags.map(CircuitBreaker.countsAsFailure), true)
        let (_, pull) = await pull("tinyllama")
        XCTAssertEqual(pull, .busy(OllamaStandIn.busyMessage))
        XCTAssertTrue(pull?.description.contains("server busy") ?? false)
    }

    func testErrorStatusesKeepTheServersMessage() async throws {
        standIn.failNext("GET /api/tags", status: 500, message: "llama runner process has terminated")
        standIn.failNext("GET /api/ps", status: 429, message: "too many requests")
        standIn.failNext("POST /api/generate", status: 400, message: "time: invalid duration \"soon\"")
        let server = await failure { () async throws(OllamaError) in try await client.tags() }
        XCTAssertEqual(server, .server(status: 500, message: "llama runner process has terminated"))
        XCTAssertEqual(server.map(CircuitBreaker.countsAsFailure), true)
        let limited = await failure { () async throws(OllamaError) in try await client.loaded() }
        XCTAssertEqual(limited.map(CircuitBreaker.countsAsFailure), true)
        let invalid = await failure { () async throws(OllamaError) in try await client.preload("llama3.2:1b", keepAlive: "soon") }
        XCTAssertEqual(invalid, .server(status: 400, message: "time: invalid duration \"soon\""))
        XCTAssertEqual(invalid.map(CircuitBreaker.countsAsFailure), false)
        let recovered = try await client.tags()
        XCTAssertEqual(recovered.count, 1)
    }

    func testAnUnreachableServerIsNamed() async throws {
        let port = try StandInHTTPServer.freeLocalPort()
        let client = OllamaClient(endpoint: .tcp(host: "127.0.0.1", port: port))
        let error = await failure { () async throws(OllamaError) in try await client.version() }
        guard case .unreachable(let url, let message) = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(url, "http://127.0.0.1:\(port)")
        XCTAssertTrue(message.contains("cannot reach the Ollama server at http://127.0.0.1:\(port)"), message)
        XCTAssertEqual(error.map(CircuitBreaker.countsAsFailure), true)
    }

    // MARK: With a circuit breaker

    func testABreakerStopsCallingABusyServerButNotOneThatSays404() async throws {
        let clock = ManualBreakerClock()
        let breaker = CircuitBreaker(name: "ollama", clock: clock)
        let client = self.client!
        for _ in 0..<10 {
            _ = try? await breaker.run { try await client.preload("tinyllama", keepAlive: "5m") }
        }
        XCTAssertEqual(breaker.state, .closed, "404s are answers, not failures")

        standIn.setBusy(true)
        for _ in 0..<6 {
            _ = try? await breaker.run { try await client.tags() }
        }
        XCTAssertEqual(breaker.state, .open)
        XCTAssertEqual(standIn.requestLines.filter { $0 == "GET /api/tags" }.count, 5, "the sixth call was not made")

        standIn.setBusy(false)
        clock.advance(by: .seconds(30))
        for _ in 0..<2 {
            _ = try await breaker.run { try await client.tags() }
        }
        XCTAssertEqual(breaker.state, .closed)
    }
}

private extension ISO8601DateFormatter {
    static var fractional: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
