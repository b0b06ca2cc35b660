/// An error of one layer (the HTTP transport, a client) that says what it is as a
/// ``SutaError``: code, dependency, retryable or terminal, and its cause.
public protocol SutaErrorConvertible: Error {
    var sutaError: SutaError { get }
}

extension SutaError: SutaErrorConvertible {
    public var sutaError: SutaError { self }
}

extension SutaError {
    /// Any error as the product's error: itself when it is one, or converts to one; otherwise
    /// an engine error with its text.
    public static func from(_ error: any Error) -> SutaError {
        (error as? any SutaErrorConvertible)?.sutaError ?? SutaError(.engine, String(describing: error))
    }
}
