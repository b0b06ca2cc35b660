/// The product's one error: what failed (a code the command line maps to an exit status),
/// a sentence a person can act on, a hint, where in the manifests, the dependency it
/// concerns, whether retrying can mend it, and the errors that caused it, so nothing is
/// lost on the way from the HTTP layer to the user. Every layer's failure becomes one
/// (``SutaErrorConvertible``); circuit breakers classify by it.
public struct SutaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure; decides the exit status.
    public enum Code: String, Sendable, Equatable {
        case usage
        case validation
        /// Nothing answers on the engine's socket.
        case engineUnreachable
        case engine
        case conflict
        /// The object asked for does not exist.
        case notFound
        case locked
        /// The state directory (lock, audit log, state files) cannot be created or written.
        case io
        /// A dependency cannot be reached, timed out, or says it is overloaded or broken (5xx, 429).
        case unavailable
        /// A dependency refused the request (a 4xx other than 404, 409 and 429).
        case rejected
        /// A dependency's answer could not be read.
        case malformedReply
    }

    /// Whether the same request later can succeed.
    public enum Disposition: String, Sendable, Equatable {
        /// Transient: the dependency is away or overloaded; retry with backoff.
        case retryable
        /// Only a change (to the manifests, the request or the setup) mends it.
        case terminal
    }

    public var code: Code
    public var message: String
    public var hint: String?
    /// Where in the manifests, for an error about one place.
    public var location: SourceLocation?
    /// `docker`, `kong`, `consul`, `ollama`: the dependency the error concerns, if any.
    public var dependency: String?
    public var disposition: Disposition
    // Boxed in an array: a struct cannot hold itself.
    private var causes: [SutaError]

    /// `disposition` defaults to what the code implies: usage, validation, conflict, not found,
    /// a refused request or an unreadable answer are terminal; the rest (the engine or a
    /// dependency away or failing, a lock held, the state directory) are retryable.
    public init(_ code: Code, _ message: String, hint: String? = nil, location: SourceLocation? = nil, dependency: String? = nil,
                disposition: Disposition? = nil, cause: SutaError? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
        self.dependency = dependency
        self.disposition = disposition ?? ([.usage, .validation, .conflict, .notFound, .rejected, .malformedReply].contains(code) ? .terminal : .retryable)
        causes = cause.map { [$0] } ?? []
    }

    /// The error that led to this one.
    public var cause: SutaError? {
        get { causes.first }
        set { causes = newValue.map { [$0] } ?? [] }
    }

    /// This error and its causes, outermost first.
    public var chain: [SutaError] {
        var chain = [self]
        while let next = chain.last?.cause { chain.append(next) }
        return chain
    }

    /// Transient: the same request later can succeed. A circuit breaker records exactly these
    /// as failures of its dependency (a 404, a 409 or a refused request is it answering).
    public var retryable: Bool { disposition == .retryable }

    /// `FILE:L:C: message`, then the hint, then each cause the message does not already say.
    public var description: String { ((location.map { "\($0): " } ?? "") + message) + details }

    /// As the command line prints it, once: `FILE:L:C: error: message` (or `error: message`),
    /// then the hint and the causes.
    public var report: String { (location.map { "\($0): error: " } ?? "error: ") + message + details }

    private var details: String {
        var lines: [String] = []
        if let hint { lines.append("  hint: \(hint)") }
        for cause in chain.dropFirst() where !message.contains(cause.message) {
            lines.append("  cause: \(cause.message)")
        }
        return lines.map { "\n" + $0 }.joined()
    }
}
