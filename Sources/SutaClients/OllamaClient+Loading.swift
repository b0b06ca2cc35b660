extension OllamaClient {
    /// Loads `model` into memory without generating anything (`POST /api/generate` with no
    /// prompt), and keeps it loaded for `keepAlive` after its last use. Only a model with the
    /// `completion` capability loads this way: the server refuses others (400 `"m" does not
    /// support generate`); load an embedding model with ``preloadEmbedding(_:keepAlive:timeout:)``.
    ///
    /// `keepAlive` is a duration (`"10m"`, `"1h"`), a number of seconds (`"3600"`), or a
    /// negative value (`"-1"`, `"-1m"`) to keep the model loaded until it is unloaded.
    /// Loading a large model can take minutes, hence the long default `timeout` (the
    /// server's own load timeout is 5 minutes). A model the server does not have throws
    /// ``OllamaError/notFound(model:)``.
    public func preload(_ model: String, keepAlive: String, timeout: Duration = .seconds(300)) async throws(OllamaError) {
        try await generate(OllamaGenerateRequest(model: model, keepAlive: OllamaKeepAlive(keepAlive)), timeout: timeout)
    }

    /// Loads the embedding model `model` into memory without embedding anything
    /// (`POST /api/embed` without input), and keeps it loaded for `keepAlive` (as in
    /// ``preload(_:keepAlive:timeout:)``). A model the server does not have throws
    /// ``OllamaError/notFound(model:)``.
    public func preloadEmbedding(_ model: String, keepAlive: String, timeout: Duration = .seconds(300)) async throws(OllamaError) {
        let body = OllamaEmbedRequest(model: model, keepAlive: OllamaKeepAlive(keepAlive))
        let response = try await send("POST", "/api/embed", body: body, timeout: timeout)
        guard response.isSuccess else { throw error(for: response, model: model) }
    }

    /// Unloads `model` from memory at once (`keep_alive` 0). Unloading a model that is not
    /// loaded, or that the server does not have at all (404), succeeds: it is not in memory.
    public func unload(_ model: String) async throws(OllamaError) {
        try await generate(OllamaGenerateRequest(model: model, keepAlive: .seconds(0)), timeout: nil, alsoAccepted: [404])
    }

    private func generate(_ body: OllamaGenerateRequest, timeout: Duration?, alsoAccepted: Set<Int> = []) async throws(OllamaError) {
        let response = try await send("POST", "/api/generate", body: body, timeout: timeout)
        guard response.isSuccess || alsoAccepted.contains(response.status) else { throw error(for: response, model: body.model) }
    }
}
