/// Where an ``HTTPClient`` sends its requests: a Unix domain socket (the Docker Engine) or
/// a TCP host and port (Kong, Consul, Ollama). Only plain HTTP is spoken.
public enum HTTPEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// HTTP over the Unix domain socket at `path`.
    case unixSocket(path: String)
    /// HTTP over TCP to `host`:`port`.
    case tcp(host: String, port: Int)

    /// Parses a `DOCKER_HOST`-style string.
    ///
    /// Accepted forms:
    /// - `unix:///var/run/docker.sock` (an absolute socket path),
    /// - `http://127.0.0.1:8001` (port 80 when omitted; one trailing `/` is allowed),
    /// - `tcp://127.0.0.1:2375` (Docker's spelling of plain HTTP over TCP; port required).
    ///
    /// Anything else, including `https://` and `ssh://`, is rejected with
    /// ``HTTPError/Kind-swift.enum/invalidEndpoint``.
    public init(parsing text: String) throws(HTTPError) {
        let trimmed = text.trimmingWhitespace()
        guard let separator = trimmed.firstRange(of: "://") else {
            throw Self.invalid(text, "it has no scheme; use unix:///path/to/socket or http://host:port")
        }
        let scheme = trimmed[..<separator.lowerBound].lowercased()
        let rest = String(trimmed[separator.upperBound...])
        switch scheme {
        case "unix":
            guard rest.hasPrefix("/"), rest.count > 1 else {
                throw Self.invalid(text, "a unix endpoint needs an absolute socket path, as in unix:///var/run/docker.sock")
            }
            self = .unixSocket(path: rest)
        case "http", "tcp":
            self = try Self.parseAuthority(rest, defaultPort: scheme == "http" ? 80 : nil, original: text)
        default:
            throw Self.invalid(text, "scheme '\(scheme)' is not supported; use unix:///path/to/socket or http://host:port (plain HTTP only)")
        }
    }

    /// The endpoint in the form ``init(parsing:)`` accepts: `unix:///path` or `http://host:port`.
    public var description: String {
        switch self {
        case .unixSocket(let path): "unix://\(path)"
        case .tcp(let host, let port): "http://\(host):\(port)"
        }
    }

    /// How error messages name the endpoint: the socket path, or `host:port`.
    var displayName: String {
        switch self {
        case .unixSocket(let path): path
        case .tcp(let host, let port): "\(host):\(port)"
        }
    }

    private static func parseAuthority(_ rest: String, defaultPort: Int?, original: String) throws(HTTPError) -> HTTPEndpoint {
        let authority = rest.hasSuffix("/") ? String(rest.dropLast()) : rest
        if authority.contains(where: { "/?#@[]".contains($0) }) {
            throw invalid(original, "only a host and a port are allowed after the scheme, as in http://127.0.0.1:8001")
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty, parts.count <= 2 else {
            throw invalid(original, "it needs a host, as in http://127.0.0.1:8001")
        }
        guard parts.count == 2 else {
            guard let defaultPort else { throw invalid(original, "it needs a port, as in tcp://127.0.0.1:2375") }
            return .tcp(host: String(host), port: defaultPort)
        }
        guard let port = Int(parts[1]), (1...65535).contains(port) else {
            throw invalid(original, "port '\(parts[1])' is not a number from 1 to 65535")
        }
        return .tcp(host: String(host), port: port)
    }

    private static func invalid(_ text: String, _ reason: String) -> HTTPError {
        HTTPError(.invalidEndpoint, "invalid endpoint '\(text)': \(reason)")
    }
}

private extension String {
    func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return self[first...last]
    }
}
