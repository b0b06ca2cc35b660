import SutaHTTP

/// A Docker Engine request that failed: the engine could not be reached, it answered with
/// an error status (its `{"message":…}` is kept), or its answer could not be read.
public enum DockerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing answers on the engine's socket. `socket` is the path (or `host:port`);
    /// `message` says what happened and what to do about it.
    case engineUnreachable(socket: String, message: String)
    /// `DOCKER_HOST` (or another endpoint) that the client cannot use, e.g. `tcp://…`.
    case invalidEndpoint(String)
    /// 404: no such container, network, volume or image.
    case notFound(String)
    /// 409: a name already in use, a container not running, a volume in use, …
    case conflict(String)
    /// 304 where the operation had nothing to do and the caller must know it.
    case notModified
    /// 400: the engine rejected a parameter or the request body.
    case badRequest(String)
    /// A network cannot be removed because it still has endpoints (HTTP 403 or 409
    /// "has active endpoints"). dockerd 20.10 can leave a phantom endpoint behind after
    /// its container is gone, so callers should report this and carry on.
    case networkInUse(String)
    /// An image pull failed, before or after the engine accepted it. The message says
    /// `cannot pull IMAGE: …`, and `no registry reachable (…)` when the engine could not
    /// reach a registry.
    case pullFailed(image: String, message: String)
    /// An image build failed: the builder's message, and the step it failed at (`2/3: RUN
    /// false`) when the stream named one.
    case buildFailed(image: String, step: String?, message: String)
    /// A swarm service update named a stale version (HTTP 500 "update out of sequence"):
    /// read the service again and retry.
    case outOfSequence(String)
    /// Any other error status, with the engine's message.
    case server(status: Int, message: String)
    /// The engine's API version is below the oldest this client speaks (1.41), or unknown.
    case apiVersion(String)
    /// The exchange broke down: timeout, cancellation, a dropped connection, a reply that
    /// is not HTTP.
    case transport(HTTPError)
    /// The engine's answer is not the JSON this client expects.
    case decoding(String)

    /// A sentence a person can act on.
    public var description: String {
        switch self {
        case .engineUnreachable(_, let message): message
        case .invalidEndpoint(let message): message
        case .notFound(let message): message
        case .conflict(let message): message
        case .notModified: "the Docker Engine reports nothing to do (HTTP 304)"
        case .badRequest(let message): "the Docker Engine rejected the request: \(message)"
        case .networkInUse(let message): message
        case .outOfSequence(let message): "the service changed meanwhile: \(message)"
        case .pullFailed(_, let message): message
        case .buildFailed(let image, let step, let message): "cannot build \(image)\(step.map { " at step \($0)" } ?? ""): \(message)"
        case .server(let status, let message): "Docker Engine error (HTTP \(status)): \(message)"
        case .apiVersion(let message): message
        case .transport(let error): error.message
        case .decoding(let message): message
        }
    }

    /// The error for a response with an error status, from its status and its
    /// `{"message":…}` body (or the body text, or the status when the body is empty).
    init(_ response: HTTPResponse) {
        let message = DockerErrorMessage.text(of: response)
        switch response.status {
        case 304: self = .notModified
        case 400: self = .badRequest(message)
        case 404: self = .notFound(message)
        case 409: self = .conflict(message)
        default: self = .server(status: response.status, message: message)
        }
    }
}
