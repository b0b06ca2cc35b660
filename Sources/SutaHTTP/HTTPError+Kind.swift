extension HTTPError {
    /// The cause of an ``HTTPError``.
    public enum Kind: Sendable, Equatable {
        /// No connection: the socket file is missing or not accessible, nothing listens
        /// on the port, or the host name does not resolve.
        case connect
        /// The request's time limit (or the connect timeout) ran out.
        case timeout
        /// The calling task was cancelled; the transfer was aborted.
        case cancelled
        /// The connection failed after it was established (reset, closed early, ...).
        case transport
        /// The server's reply is not valid HTTP.
        case `protocol`
        /// An endpoint string (such as `DOCKER_HOST`) that cannot be used.
        case invalidEndpoint
        /// A request that cannot be sent as given (bad method, path or header).
        case invalidRequest
    }
}
