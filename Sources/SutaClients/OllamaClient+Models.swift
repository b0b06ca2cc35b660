extension OllamaClient {
    /// The server's version (`GET /api/version`), e.g. `0.6.2`.
    public func version() async throws(OllamaError) -> String {
        try await decoded(OllamaVersion.self, "/api/version").version
    }

    /// The models the server has on disk (`GET /api/tags`), names in `name:tag` form.
    public func tags() async throws(OllamaError) -> [OllamaModel] {
        try await decoded(OllamaModelList<OllamaModel>.self, "/api/tags").models
    }

    /// Whether the server has `model` on disk (`POST /api/show`; a 404 means no).
    public func isPresent(_ model: String) async throws(OllamaError) -> Bool {
        let response = try await send("POST", "/api/show", body: OllamaModelRequest(model: model))
        if response.status == 404 { return false }
        guard response.isSuccess else { throw error(for: response, model: model) }
        return true
    }

    /// What `model` can do, as the server reports it (`POST /api/show`): `completion`
    /// (generate and chat), `embedding`, `vision`, `tools`, …; empty from a server too old to
    /// say. A model the server does not have throws ``OllamaError/notFound(model:)``.
    public func capabilities(of model: String) async throws(OllamaError) -> [String] {
        let response = try await send("POST", "/api/show", body: OllamaModelRequest(model: model))
        guard response.isSuccess else { throw error(for: response, model: model) }
        return try OllamaJSON.decode(OllamaShowResponse.self, from: response.body, what: "POST /api/show").capabilities
    }

    /// The models the server holds in memory (`GET /api/ps`), names in `name:tag` form.
    public func loaded() async throws(OllamaError) -> [OllamaLoadedModel] {
        try await decoded(OllamaModelList<OllamaLoadedModel>.self, "/api/ps").models
    }
}
