/// Swarm services, tasks, nodes, secrets and configs, on a manager. A worker (or an engine outside a
/// swarm) answers 503: ``DockerError/server(status:message:)``.
extension DockerClient {
    /// Lists services (`GET /services`) whose labels match every term.
    public func listServices(labelFilters: [String] = []) async throws(DockerError) -> [SwarmService] {
        var query = DockerQuery()
        query.add(filters: .labels(labelFilters))
        return try await decoded([SwarmService].self, "GET", "/services", query: query)
    }

    /// Inspects one service by ID or name; ``DockerError/notFound(_:)`` when there is none.
    public func inspectService(_ id: String) async throws(DockerError) -> SwarmService {
        try await decoded(SwarmService.self, "GET", "/services/\(segment(id))")
    }

    /// Creates a service and returns its ID; the image is never resolved through a registry.
    public func createService(_ spec: SwarmServiceSpec) async throws(DockerError) -> String {
        try await decoded(SwarmServiceCreateResponse.self, "POST", "/services/create", body: spec).id
    }

    /// Replaces a service's spec. `version` is the service's current one: a stale version is
    /// ``DockerError/outOfSequence``, which a caller retries from a fresh read.
    public func updateService(_ id: String, version: Int, spec: SwarmServiceSpec) async throws(DockerError) {
        var query = DockerQuery()
        query.add("version", String(version))
        let response = try await send("POST", "/services/\(segment(id))/update", query: query, body: spec)
        guard !response.isSuccess else { return }
        let message = DockerErrorMessage.text(of: response)
        if message.contains("update out of sequence") { throw .outOfSequence(message) }
        throw DockerError(response)
    }

    /// Removes a service (its tasks stop on every node); ``DockerError/notFound(_:)`` when gone.
    public func removeService(_ id: String) async throws(DockerError) {
        try await call("DELETE", "/services/\(segment(id))")
    }

    /// The tasks whose service's labels match every term (a task carries its service's labels,
    /// and keeps them once the service is removed, until the task itself is gone), whose
    /// desired state is `running`, or all.
    public func listTasks(labelFilters: [String], desiredRunning: Bool = true) async throws(DockerError) -> [SwarmTask] {
        var query = DockerQuery()
        query.add(filters: DockerFilters(["label": labelFilters, "desired-state": desiredRunning ? ["running"] : []]))
        return try await decoded([SwarmTask].self, "GET", "/tasks", query: query)
    }

    /// Every node of the swarm.
    public func listNodes() async throws(DockerError) -> [SwarmNode] {
        try await decoded([SwarmNode].self, "GET", "/nodes")
    }

    /// Lists secrets (names and labels, never data) whose labels match every term.
    public func listSecrets(labelFilters: [String] = []) async throws(DockerError) -> [SwarmDataObject] {
        var query = DockerQuery()
        query.add(filters: .labels(labelFilters))
        return try await decoded([SwarmDataObject].self, "GET", "/secrets", query: query)
    }

    /// Creates a secret and returns its ID. A name in use is ``DockerError/conflict(_:)``.
    public func createSecret(_ spec: SwarmDataSpec) async throws(DockerError) -> String {
        try await decoded(SwarmServiceCreateResponse.self, "POST", "/secrets/create", body: spec).id
    }

    /// Removes a secret; a secret a service still uses is refused (HTTP 400).
    public func removeSecret(_ id: String) async throws(DockerError) {
        try await call("DELETE", "/secrets/\(segment(id))")
    }

    /// Lists configs (names and labels) whose labels match every term.
    public func listConfigs(labelFilters: [String] = []) async throws(DockerError) -> [SwarmDataObject] {
        var query = DockerQuery()
        query.add(filters: .labels(labelFilters))
        return try await decoded([SwarmDataObject].self, "GET", "/configs", query: query)
    }

    /// Creates a config and returns its ID. A name in use is ``DockerError/conflict(_:)``.
    public func createConfig(_ spec: SwarmDataSpec) async throws(DockerError) -> String {
        try await decoded(SwarmServiceCreateResponse.self, "POST", "/configs/create", body: spec).id
    }

    /// Removes a config; a config a service still uses is refused (HTTP 400).
    public func removeConfig(_ id: String) async throws(DockerError) {
        try await call("DELETE", "/configs/\(segment(id))")
    }
}
