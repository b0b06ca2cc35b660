import SutaHTTP

/// A Kong Admin API request that failed: Kong could not be reached, it answered with an
/// error status (its `message` is kept), or its answer could not be read.
public enum KongError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answers at `url` (the admin API, e.g. `http://127.0.0.1:8001`); `message`
    /// names it, says what happened and what to check.
    case unreachable(url: String, message: String)
    /// 404: no such entity (or no such endpoint).
    case notFound(String)
    /// 409: a unique field (a service's or route's `name`) already belongs to another
    /// entity: `UNIQUE violation detected on '{name="api"}'`.
    case conflict(String)
    /// 405 "operation unsupported": Kong runs DB-less, where entity endpoints are read-only;
    /// the call needs database mode (in DB-less mode, apply a declarative configuration).
    case dbless(String)
    /// Any other error status, with Kong's message: 400 schema violations and invalid
    /// declarative configurations, 429 while Kong is still loading a configuration, 5xx.
    case server(status: Int, message: String)
    /// The exchange broke down after connecting, or timed out or was cancelled.
    case transport(HTTPError)
    /// Kong's answer is not the JSON this client expects.
    case decoding(String)
    /// The client refused to send the request, e.g. a tag Kong cannot filter on.
    case invalidRequest(String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .unreachable(_, let message): message
        case .notFound(let message): "Kong admin API: not found: \(message)"
        case .conflict(let message): "Kong admin API: conflict (another entity has that name): \(message)"
        case .dbless(let message): "Kong admin API: \(message): this call needs database mode, but Kong runs DB-less (apply a declarative configuration instead, or run Kong with a database)"
        case .server(let status, let message): "Kong admin API error (HTTP \(status)): \(message)"
        case .transport(let error): "Kong admin API: \(error.message)"
        case .decoding(let message): "Kong admin API: \(message)"
        case .invalidRequest(let message): "Kong admin API: \(message)"
        }
    }

    /// The error for a response with an error status to `request` (`PUT /routes/api`).
    init(_ response: HTTPResponse, request: String) {
        let error = KongErrorMessage(response)
        let message = "\(request): \(error.text)"
        switch response.status {
        case 404: self = .notFound(message)
        case 409: self = .conflict(message)
        case 405 where error.code == 12 || error.name == "operation unsupported": self = .dbless(message)
        default: self = .server(status: response.status, message: message)
        }
    }
}
