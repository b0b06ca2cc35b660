import SutaHTTP

/// A Consul agent request that failed: the agent could not be reached, it answered with an
/// error status (its plain-text message is kept), or its answer could not be read.
///
/// No case ever carries the ACL token: the client removes it from anything the agent says.
public enum ConsulError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answers at `url` (e.g. `http://127.0.0.1:8500`); `message` names it, says
    /// what happened and what to check.
    case unreachable(url: String, message: String)
    /// 403: the ACL token is missing, unknown, or lacks the permission
    /// (`Permission denied: … lacks permission 'service:write' on "api"`).
    case forbidden(String)
    /// 404: no such service or endpoint.
    case notFound(String)
    /// Any other error status, with the agent's message: 400 for an invalid registration
    /// ("Missing service name", "Invalid check: …"), 5xx, 429.
    case server(status: Int, message: String)
    /// The exchange broke down after connecting, or timed out or was cancelled.
    case transport(HTTPError)
    /// The agent's answer is not the JSON this client expects.
    case decoding(String)
    /// The client refused to send the request, e.g. a service ID with a `/`.
    case invalidRequest(String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .unreachable(_, let message): message
        case .forbidden(let message): "Consul agent: permission denied: \(message) (is the ACL token set, and does its policy allow this?)"
        case .notFound(let message): "Consul agent: not found: \(message)"
        case .server(let status, let message): "Consul agent error (HTTP \(status)): \(message)"
        case .transport(let error): "Consul agent: \(error.message)"
        case .decoding(let message): "Consul agent: \(message)"
        case .invalidRequest(let message): "Consul agent: \(message)"
        }
    }

    /// The error for a response with an error status to `request` (`PUT /v1/agent/…`).
    /// The agent answers errors in plain text; `message` is that text with the ACL token
    /// already removed.
    init(status: Int, message: String, request: String) {
        let message = "\(request): \(message)"
        switch status {
        case 403: self = .forbidden(message)
        case 404: self = .notFound(message)
        default: self = .server(status: status, message: message)
        }
    }
}
