import SutaHTTP

extension DockerClient {
    /// Lists containers (`GET /containers/json`): running ones, or all with `all`.
    /// `labelFilters` are `key=value` or `key` terms, all of which must match.
    public func listContainers(all: Bool = false, labelFilters: [String] = []) async throws(DockerError) -> [ContainerSummary] {
        var query = DockerQuery()
        query.add("all", all)
        query.add(filters: .labels(labelFilters))
        return try await decoded([ContainerSummary].self, "GET", "/containers/json", query: query)
    }

    /// Inspects a container by ID or name; ``DockerError/notFound(_:)`` when there is none.
    public func inspectContainer(_ id: String) async throws(DockerError) -> ContainerInspect {
        try await decoded(ContainerInspect.self, "GET", "/containers/\(segment(id))/json")
    }

    /// Creates a container named `name` (never pulls: a missing image is
    /// ``DockerError/notFound(_:)``; a name in use is ``DockerError/conflict(_:)``, whose
    /// message names the container).
    ///
    /// When `body` has networks and no network mode, the mode is the first network in name
    /// order. Engines before API 1.44 accept one network at create: the others are connected
    /// right after, and if that fails the new container is removed again and the error
    /// thrown, so no half-attached container is left behind.
    public func createContainer(name: String, body: ContainerCreateBody) async throws(DockerError) -> ContainerCreateResponse {
        let (prepared, connectLater) = body.prepared(for: try await apiVersion())
        var query = DockerQuery()
        query.add("name", name)
        let created = try await decoded(ContainerCreateResponse.self, "POST", "/containers/create", query: query, body: prepared)
        for (network, settings) in connectLater {
            do throws(DockerError) {
                try await connectNetwork(network, container: created.id, settings: settings)
            } catch {
                try? await removeContainer(created.id, force: true)
                throw error
            }
        }
        return created
    }

    /// Starts a container; one already running is fine (304).
    public func startContainer(_ id: String) async throws(DockerError) {
        try await call("POST", "/containers/\(segment(id))/start", alsoAccepted: [304])
    }

    /// Stops a container: its stop signal, then SIGKILL after `timeout` seconds (`nil`: the
    /// container's own stop timeout, 10 s by default). One already stopped is fine (304).
    public func stopContainer(_ id: String, timeout: Int? = nil) async throws(DockerError) {
        var query = DockerQuery()
        if let timeout { query.add("t", String(timeout)) }
        // The engine answers only once the container has stopped: allow the grace period.
        let limit = Duration.seconds(max(0, timeout ?? 600) + 30)
        try await call("POST", "/containers/\(segment(id))/stop", query: query, timeout: limit, alsoAccepted: [304])
    }

    /// Sends `signal` (default SIGKILL) to a container; ``DockerError/conflict(_:)`` when
    /// it is not running.
    public func killContainer(_ id: String, signal: String = "SIGKILL") async throws(DockerError) {
        var query = DockerQuery()
        query.add("signal", signal)
        try await call("POST", "/containers/\(segment(id))/kill", query: query)
    }

    /// Sets a container's limits and restart policy (`docker update`).
    public func updateContainer(_ id: String, body: ContainerUpdateBody) async throws(DockerError) {
        try await call("POST", "/containers/\(segment(id))/update", body: body)
    }

    /// Removes a container. `force` kills it first if it runs; `volumes` also removes its
    /// anonymous volumes. ``DockerError/notFound(_:)`` when there is none,
    /// ``DockerError/conflict(_:)`` when it runs and `force` is false.
    public func removeContainer(_ id: String, force: Bool = false, volumes: Bool = false) async throws(DockerError) {
        var query = DockerQuery()
        query.add("force", force)
        query.add("v", volumes)
        try await call("DELETE", "/containers/\(segment(id))", query: query)
    }

    /// Renames a container; ``DockerError/conflict(_:)`` when `newName` is in use.
    public func renameContainer(_ id: String, to newName: String) async throws(DockerError) {
        var query = DockerQuery()
        query.add("name", newName)
        try await call("POST", "/containers/\(segment(id))/rename", query: query)
    }

    /// Waits for `condition` and returns the container's exit code. There is no time
    /// limit: cancel the calling task to stop waiting.
    public func waitContainer(_ id: String, condition: WaitCondition = .notRunning) async throws(DockerError) -> Int {
        var query = DockerQuery()
        query.add("condition", condition.rawValue)
        let path = "/containers/\(segment(id))/wait"
        let body = LockedState<[UInt8]>([])
        try await stream("POST", path, query: query) { chunk in
            body.withLock { $0 += chunk }
        }
        let answer = try DockerJSON.decode(ContainerWaitResponse.self, from: body.value, what: "POST \(path)")
        if let message = answer.error?.message, !message.isEmpty {
            throw .server(status: 200, message: "waiting for container \(id): \(message)")
        }
        return answer.statusCode
    }

    /// `text` as one percent-encoded path segment.
    func segment(_ text: String) -> String {
        DockerQuery.encode(text)
    }
}
