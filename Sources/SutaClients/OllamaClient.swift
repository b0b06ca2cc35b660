import SutaHTTP

/// A client of the Ollama HTTP API (`127.0.0.1:11434` by default): which models the server
/// has and holds in memory, pulling them with progress, and loading or unloading them.
///
/// The client is split by concern: listing models lives in `OllamaClient+Models`, pulling
/// in `+Pull`, loading and unloading in `+Loading`. It is safe to share between tasks;
/// requests run concurrently on pooled connections. Cancelling the calling task aborts its
/// request. Errors are ``OllamaError``s, and their ``SutaError`` (``OllamaError/sutaError``) tells a
/// ``CircuitBreaker`` which of them mean the server is in trouble.
public final class OllamaClient: Sendable {
    /// Where the server listens.
    public let endpoint: HTTPEndpoint
    let http: HTTPClient

    /// Creates a client for the server at `endpoint` (e.g. `.tcp(host: "127.0.0.1",
    /// port: 11434)`). Nothing is sent until the first request.
    public init(endpoint: HTTPEndpoint) {
        self.endpoint = endpoint
        http = HTTPClient(endpoint: endpoint, connectTimeout: .seconds(5), requestTimeout: .seconds(30), idleConnections: 4)
    }

    // MARK: Requests shared by the extensions

    /// Sends `method` `path` with `body` (when given) encoded as JSON and returns the
    /// response, whatever its status.
    func send(
        _ method: String,
        _ path: String,
        body: (some Encodable)? = String?.none,
        timeout: Duration? = nil
    ) async throws(OllamaError) -> HTTPResponse {
        let request = try Self.request(method, path, body: body, timeout: timeout)
        do {
            return try await http.send(request)
        } catch {
            throw failure(error)
        }
    }

    /// `GET path` for a JSON answer, decoded; any status but 2xx throws the matching error.
    func decoded<Value: Decodable>(_ type: Value.Type, _ path: String) async throws(OllamaError) -> Value {
        let response = try await send("GET", path)
        guard response.isSuccess else { throw error(for: response, model: nil) }
        return try OllamaJSON.decode(type, from: response.body, what: "GET \(path)")
    }

    /// Sends a streaming request: the body of a 2xx response goes to `onChunk` as it
    /// arrives (on the transfer's thread); there is no total time limit. Throws the
    /// matching error for any other status.
    func stream(
        _ method: String,
        _ path: String,
        body: some Encodable,
        model: String,
        onChunk: sending @escaping ([UInt8]) -> Void
    ) async throws(OllamaError) {
        let request = try Self.request(method, path, body: body, timeout: nil)
        let response: HTTPResponse
        do {
            response = try await http.stream(request, onChunk: onChunk)
        } catch {
            throw failure(error)
        }
        guard response.isSuccess else { throw error(for: response, model: model) }
    }

    /// The error for a response with an error status: 404 about `model` is
    /// ``OllamaError/notFound(model:)``, 503 is ``OllamaError/busy(_:)``, anything else
    /// ``OllamaError/server(status:message:)`` with the server's `{"error":…}` message.
    func error(for response: HTTPResponse, model: String?) -> OllamaError {
        let message = OllamaErrorMessage.text(of: response)
        switch (response.status, model) {
        case (404, let model?): return .notFound(model: model)
        case (503, _): return .busy(message)
        default: return .server(status: response.status, message: message)
        }
    }

    private static func request(_ method: String, _ path: String, body: (some Encodable)?, timeout: Duration?) throws(OllamaError) -> HTTPRequest {
        guard let body else { return HTTPRequest(method: method, path: path, timeout: timeout) }
        return .json(method: method, path: path, body: try OllamaJSON.encode(body), timeout: timeout)
    }

    /// A transport failure as an ``OllamaError``; a failed connection names the URL and
    /// says how to get a server running.
    private func failure(_ error: HTTPError) -> OllamaError {
        guard error.kind == .connect else { return .transport(error) }
        let url = endpoint.description
        return .unreachable(
            url: url,
            message: "cannot reach the Ollama server at \(url) (\(error.message)): is `ollama serve` running? "
                + "start it, or point the model server setting (OLLAMA_HOST) at it")
    }
}
