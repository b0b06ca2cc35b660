import SutaErrors

extension OllamaError: SutaErrorConvertible {
    public var sutaError: SutaError {
        switch self {
        case .unreachable, .busy: SutaError(.unavailable, description, dependency: "ollama")
        case .notFound: SutaError(.notFound, description, dependency: "ollama")
        case .pullFailed: SutaError(.rejected, description, dependency: "ollama")
        case .server(let status, _):
            SutaError(BreakerFailure.isBreakerFailure(status: status) ? .unavailable : .rejected, description, dependency: "ollama")
        case .transport(let error): SutaError(error.sutaError.code, description, dependency: "ollama", cause: error.sutaError)
        case .decoding: SutaError(.malformedReply, description, dependency: "ollama")
        }
    }
}
