import SutaErrors

extension HTTPError: SutaErrorConvertible {
    /// No connection, a timeout, a broken exchange or an invalid reply: the dependency is
    /// unavailable, retryable. A cancelled call, an unusable endpoint or a malformed request
    /// say nothing about the dependency: usage, terminal.
    public var sutaError: SutaError {
        switch kind {
        case .connect, .timeout, .transport, .protocol: SutaError(.unavailable, message)
        case .cancelled, .invalidEndpoint, .invalidRequest: SutaError(.usage, message)
        }
    }
}
