import Foundation

/// What an ``OllamaStandIn`` has and how it is told to behave; behind its lock.
struct OllamaStandInState: Sendable {
    /// Models on disk, by normalized name.
    var models: [String: OllamaStandInModel]
    /// Models in memory: normalized name → when they expire (`distantFuture`: never).
    var loaded: [String: Date] = [:]
    /// Pull behaviour by normalized name; other models fail like an unknown model does.
    var pulls: [String: OllamaStandInPull] = [:]
    /// Whether every request but `GET /api/version` gets 503 `server busy`.
    var busy = false
    /// Injected failures by `METHOD /path`.
    var failures: [String: OllamaStandInFailure] = [:]
    /// Every request received, in order.
    var requests: [StandInRequest] = []

    /// Takes one injected failure for `route`, if any is left.
    mutating func takeFailure(_ route: String) -> OllamaStandInFailure? {
        guard var failure = failures[route], failure.remaining > 0 else { return nil }
        failure.remaining -= 1
        failures[route] = failure.remaining > 0 ? failure : nil
        return failure
    }
}
