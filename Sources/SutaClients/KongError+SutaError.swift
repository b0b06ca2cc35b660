import SutaErrors

extension KongError: SutaErrorConvertible {
    public var sutaError: SutaError {
        switch self {
        case .unreachable: SutaError(.unavailable, description, dependency: "kong")
        case .notFound: SutaError(.notFound, description, dependency: "kong")
        case .conflict: SutaError(.conflict, description, dependency: "kong")
        case .dbless: SutaError(.rejected, description, dependency: "kong")
        case .server(let status, _):
            SutaError(BreakerFailure.isBreakerFailure(status: status) ? .unavailable : .rejected, description, dependency: "kong")
        case .transport(let error): SutaError(error.sutaError.code, description, dependency: "kong", cause: error.sutaError)
        case .decoding: SutaError(.malformedReply, description, dependency: "kong")
        case .invalidRequest: SutaError(.usage, description, dependency: "kong")
        }
    }
}
