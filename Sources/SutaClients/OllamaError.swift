import SutaHTTP

/// An Ollama request that failed: the server could not be reached, it answered with an
/// error status (its `{"error":…}` is kept), a pull failed inside its stream, or an answer
/// could not be read.
public enum OllamaError: Error, Sendable, Equatable, CustomStringConvertible, CircuitBreakerClassifiable {
    /// Nothing answers at `url` (e.g. `http://127.0.0.1:11434`); `message` says what
    /// happened and what to do about it.
    case unreachable(url: String, message: String)
    /// 404: the server does not have `model`.
    case notFound(model: String)
    /// 503: the server's queue is full (`server busy, please try again.  maximum pending
    /// requests exceeded`); `message` is the server's.
    case busy(String)
    /// A pull of `model` failed: an error line in the stream (which arrives while the HTTP
    /// status stays 200), or a stream that ended without `{"status":"success"}`.
    case pullFailed(model: String, message: String)
    /// Any other error status, with the server's `{"error":…}` message.
    case server(status: Int, message: String)
    /// The exchange broke down: timeout, cancellation, a dropped connection, a reply that
    /// is not HTTP.
    case transport(HTTPError)
    /// The server's answer is not the JSON this client expects.
    case decoding(String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .unreachable(_, let message): message
        case .notFound(let model): "model '\(model)' not found on the Ollama server; pull it first"
        case .busy(let message): "the Ollama server is busy: \(message)"
        case .pullFailed(_, let message): message
        case .server(let status, let message): "Ollama error (HTTP \(status)): \(message)"
        case .transport(let error): error.message
        case .decoding(let message): message
        }
    }

    /// Whether a circuit breaker should record this as a failure of the Ollama server:
    /// no connection, a timeout or broken connection, 429, 503 (busy) and every other 5xx.
    ///
    /// A 404 or another 4xx means the server answered (and is healthy); a pull that failed
    /// inside its stream is about the model or the registry, not about this server; a
    /// cancelled or invalid request and an unreadable answer would fail again the same way,
    /// so none of those count.
    public var countsAsFailure: Bool {
        switch self {
        case .unreachable, .busy: true
        case .server(let status, _): status == 429 || status >= 500
        case .transport(let error): [.connect, .timeout, .transport, .protocol].contains(error.kind)
        case .notFound, .pullFailed, .decoding: false
        }
    }
}
