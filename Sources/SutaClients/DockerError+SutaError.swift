import SutaErrors

extension DockerError: SutaErrorConvertible {
    public var sutaError: SutaError {
        switch self {
        case .engineUnreachable: SutaError(.engineUnreachable, description, dependency: "docker")
        case .invalidEndpoint, .apiVersion: SutaError(.usage, description, dependency: "docker")
        case .notFound: SutaError(.notFound, description, dependency: "docker")
        case .conflict: SutaError(.conflict, description, dependency: "docker")
        case .notModified, .buildFailed: SutaError(.engine, description, dependency: "docker", disposition: .terminal)
        case .pullFailed: SutaError(.engine, description, dependency: "docker")
        case .outOfSequence: SutaError(.engine, description, dependency: "docker", disposition: .retryable)
        case .badRequest: SutaError(.rejected, description, dependency: "docker")
        case .networkInUse:
            SutaError(.engine, description, hint: "a container still uses it, or dockerd kept a phantom endpoint; it was left in place",
                      dependency: "docker")
        case .server(let status, _):
            SutaError(.engine, description, dependency: "docker",
                      disposition: BreakerFailure.isBreakerFailure(status: status) ? .retryable : .terminal)
        case .transport(let error): SutaError(.engine, description, dependency: "docker", disposition: error.sutaError.disposition,
                                              cause: error.sutaError)
        case .decoding: SutaError(.malformedReply, description, dependency: "docker")
        }
    }
}
