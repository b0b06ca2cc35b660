import SutaHTTP

/// An Ollama request that failed: the server could not be reached, it answered with an
/// error status (its `{"error":…}` is kept), a pull failed inside its stream, or an answer
/// could not be read.
public enum OllamaError: Error, Sendable, Equatable, CustomStringConvertible {
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

}
