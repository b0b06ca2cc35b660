extension DockerClient {
    /// The engine's version and API range (`GET /version`). The API version this client
    /// uses is ``apiVersion()``.
    public func version() async throws(DockerError) -> DockerVersion {
        try await decoded(DockerVersion.self, "GET", "/version")
    }
}
