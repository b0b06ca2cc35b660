import SutaErrors

extension ConsulError: SutaErrorConvertible {
    /// Never carries the ACL token: the client removes it from anything the agent says.
    public var sutaError: SutaError {
        switch self {
        case .unreachable: SutaError(.unavailable, description, dependency: "consul")
        case .forbidden: SutaError(.rejected, description, hint: "is the ACL token set, and does its policy allow this?", dependency: "consul")
        case .notFound: SutaError(.notFound, description, dependency: "consul")
        case .server(let status, _):
            SutaError(BreakerFailure.isBreakerFailure(status: status) ? .unavailable : .rejected, description, dependency: "consul")
        case .transport(let error): SutaError(error.sutaError.code, description, dependency: "consul", cause: error.sutaError)
        case .decoding: SutaError(.malformedReply, description, dependency: "consul")
        case .invalidRequest: SutaError(.usage, description, dependency: "consul")
        }
    }
}
