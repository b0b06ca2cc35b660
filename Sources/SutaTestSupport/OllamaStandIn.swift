import Foundation

/// A stand-in for the Ollama server on 127.0.0.1 and a port the kernel picks, speaking the
/// documented HTTP API (shared/reference/apis.md §4) on a ``StandInHTTPServer``:
///
/// - `GET /api/version`, `GET /api/tags`, `GET /api/ps`;
/// - `POST /api/show`: 200 with the model's details and `capabilities`, or 404
///   `{"error":"model 'x' not found"}`;
/// - `POST /api/pull`: an NDJSON progress stream with a short pause between lines, ending as
///   ``setPull(_:_:)`` says (success, an error line mid-stream, or no success line); a model
///   without a configured pull fails like an unknown model (`pull model manifest: file does
///   not exist`);
/// - `POST /api/generate` without a prompt: loads the model until `keep_alive` runs out
///   (`expires_at` in `/api/ps`), or unloads it with `keep_alive` 0; 404 for a model it
///   does not have, and 400 `"m" does not support generate` for a model without the
///   `completion` capability (an embedding model), as `GenerateHandler` answers;
/// - `POST /api/embed`: loads the model the same way; without input it answers
///   `{"model":…,"embeddings":[]}`, as `EmbedHandler` does.
///
/// Failure injection: ``setBusy(_:)`` answers 503 `server busy, please try again.  maximum
/// pending requests exceeded`; ``failNext(_:status:message:times:)`` answers any error for a
/// route. Every request is recorded.
public final class OllamaStandIn: Sendable {
    /// The 503 message of a busy server.
    public static let busyMessage = "server busy, please try again.  maximum pending requests exceeded"

    /// `http://127.0.0.1:PORT`.
    public let address: String
    private let server: StandInHTTPServer
    private let state: SharedValue<OllamaStandInState>

    /// Starts the stand-in with `models` on disk and none loaded.
    /// - Parameters:
    ///   - version: what `/api/version` reports.
    ///   - pullLineDelay: the pause before each line of a pull stream.
    public init(version: String = "0.6.8", models: [OllamaStandInModel] = [], pullLineDelay: Duration = .milliseconds(2)) throws {
        let state = SharedValue(OllamaStandInState(models: Dictionary(models.map { ($0.name, $0) }) { _, last in last }))
        let routes = OllamaStandInRoutes(version: version, state: state, pullLineDelay: pullLineDelay)
        server = try StandInHTTPServer.tcp { request, connection in routes.handle(request, connection) }
        self.state = state
        address = server.address
    }

    /// Stops listening.
    public func stop() {
        server.stop()
    }

    // MARK: Configuration

    /// How `POST /api/pull` of `model` goes.
    public func setPull(_ model: String, _ pull: OllamaStandInPull) {
        state.withLock { $0.pulls[Self.normalized(model)] = pull }
    }

    /// Whether every request but `GET /api/version` gets 503 ``busyMessage``.
    public func setBusy(_ busy: Bool) {
        state.withLock { $0.busy = busy }
    }

    /// Answers the next `times` requests to `route` (`METHOD /path`, e.g. `GET /api/tags`)
    /// with `status` and `{"error": message}` instead of the real answer.
    public func failNext(_ route: String, status: Int, message: String, times: Int = 1) {
        state.withLock { $0.failures[route] = OllamaStandInFailure(status: status, message: message, remaining: times) }
    }

    // MARK: Inspection

    /// Every request received, in order.
    public var requests: [StandInRequest] { state.withLock { $0.requests } }
    /// `METHOD /path` of each request received, in order.
    public var requestLines: [String] { requests.map { "\($0.method) \($0.path)" } }
    /// The bodies of the requests to `route` (`METHOD /path`), as text, in order.
    public func bodies(of route: String) -> [String] {
        requests.filter { "\($0.method) \($0.path)" == route }.map { String(decoding: $0.body, as: UTF8.self) }
    }
    /// The models on disk, sorted.
    public var installedModels: [String] { state.withLock { $0.models.keys.sorted() } }
    /// The models in memory, sorted (expired ones are dropped when `/api/ps` is asked).
    public var loadedModels: [String] { state.withLock { $0.loaded.keys.sorted() } }

    // MARK: Names

    /// `tinyllama` → `tinyllama:latest`, as the server lists names.
    static func normalized(_ name: String) -> String {
        let afterSlash = name.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        if afterSlash.contains(":") { return name.hasSuffix(":") ? name + "latest" : name }
        return name + ":latest"
    }

    /// A stable 64-hex-digit digest for `name`.
    static func fakeDigest(of name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(repeating: String(hash, radix: 16).leftPadded(to: 16), count: 4)
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
