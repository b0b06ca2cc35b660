extension DockerClient {
    /// Lists networks (`GET /networks`), filtered by `key=value` or `key` label terms, all
    /// of which must match. Listed networks have no ``Network/containers``.
    public func listNetworks(labelFilters: [String] = []) async throws(DockerError) -> [Network] {
        var query = DockerQuery()
        query.add(filters: .labels(labelFilters))
        return try await decoded([Network].self, "GET", "/networks", query: query)
    }

    /// Inspects a network by ID or name, with its attached containers;
    /// ``DockerError/notFound(_:)`` when there is none.
    public func inspectNetwork(_ id: String) async throws(DockerError) -> Network {
        try await decoded(Network.self, "GET", "/networks/\(segment(id))")
    }

    /// Creates a network. A name already in use is ``DockerError/conflict(_:)``: before API
    /// 1.44 the client sends `CheckDuplicate`, so old engines refuse too instead of creating
    /// a second network of the same name.
    public func createNetwork(_ body: NetworkCreateBody) async throws(DockerError) -> NetworkCreateResponse {
        var body = body
        if try await apiVersion() < DockerAPIVersion(1, 44) { body.checkDuplicate = true }
        return try await decoded(NetworkCreateResponse.self, "POST", "/networks/create", body: body)
    }

    /// Connects a container to a network, with DNS aliases and an optional fixed address.
    /// Already connected is ``DockerError/conflict(_:)`` on most engines.
    public func connectNetwork(_ network: String, container: String, aliases: [String]? = nil, ipv4Address: String? = nil) async throws(DockerError) {
        try await connectNetwork(network, container: container, settings: EndpointSettings(aliases: aliases, ipv4Address: ipv4Address))
    }

    /// Connects a container to a network with the given endpoint settings.
    func connectNetwork(_ network: String, container: String, settings: EndpointSettings) async throws(DockerError) {
        let body = NetworkConnectBody(container: container, endpointConfig: settings)
        try await call("POST", "/networks/\(segment(network))/connect", body: body)
    }

    /// Disconnects a container from a network; `force` also clears a stale endpoint whose
    /// container is gone.
    public func disconnectNetwork(_ network: String, container: String, force: Bool = false) async throws(DockerError) {
        try await call("POST", "/networks/\(segment(network))/disconnect", body: NetworkDisconnectBody(container: container, force: force))
    }

    /// Removes a network. ``DockerError/notFound(_:)`` when there is none;
    /// ``DockerError/networkInUse(_:)`` while endpoints remain, including the phantom
    /// endpoints dockerd 20.10 can leave behind: report that and carry on.
    public func removeNetwork(_ id: String) async throws(DockerError) {
        let response = try await send("DELETE", "/networks/\(segment(id))")
        guard !response.isSuccess else { return }
        let message = DockerErrorMessage.text(of: response)
        if [403, 409].contains(response.status), message.contains("active endpoints") {
            throw .networkInUse(message)
        }
        throw DockerError(response)
    }
}
