extension DockerClient {
    /// Lists volumes (`GET /volumes`), filtered by `key=value` or `key` label terms.
    public func listVolumes(labelFilters: [String] = []) async throws(DockerError) -> [Volume] {
        var query = DockerQuery()
        query.add(filters: .labels(labelFilters))
        return try await decoded(VolumeListResponse.self, "GET", "/volumes", query: query).volumes
    }

    /// Inspects a volume; ``DockerError/notFound(_:)`` when there is none.
    public func inspectVolume(_ name: String) async throws(DockerError) -> Volume {
        try await decoded(Volume.self, "GET", "/volumes/\(segment(name))")
    }

    /// Creates a volume. Idempotent: when a volume of that name and driver exists, the
    /// engine returns it unchanged (its labels are **not** updated, so compare them). The
    /// same name under another driver is ``DockerError/conflict(_:)``.
    public func createVolume(_ body: VolumeCreateBody) async throws(DockerError) -> Volume {
        try await decoded(Volume.self, "POST", "/volumes/create", body: body)
    }

    /// Removes a volume. ``DockerError/notFound(_:)`` when there is none,
    /// ``DockerError/conflict(_:)`` while a container uses it.
    public func removeVolume(_ name: String, force: Bool = false) async throws(DockerError) {
        var query = DockerQuery()
        query.add("force", force)
        try await call("DELETE", "/volumes/\(segment(name))", query: query)
    }
}
