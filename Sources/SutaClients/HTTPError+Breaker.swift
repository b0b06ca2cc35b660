import SutaHTTP

extension HTTPError: CircuitBreakerClassifiable {
    /// No connection, a timeout, a broken exchange or an invalid reply count as failures;
    /// a cancelled call, an unusable endpoint or a malformed request do not (they say
    /// nothing about the dependency).
    public var countsAsFailure: Bool {
        switch kind {
        case .connect, .timeout, .transport, .protocol: true
        case .cancelled, .invalidEndpoint, .invalidRequest: false
        }
    }
}
