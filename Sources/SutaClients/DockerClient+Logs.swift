extension DockerClient {
    /// A container's output (`GET /containers/{id}/logs`), stdout and stderr, handed to
    /// `onChunk` piece by piece (on the transfer's thread) as it arrives.
    ///
    /// The stream of a container without a TTY is multiplexed and split into frames here;
    /// with a TTY it is raw and arrives as `.stdout`. The client inspects the container
    /// first to know which: the engine says so in `Content-Type` only from API 1.42, and
    /// the streaming transport delivers the body before the caller sees the headers.
    ///
    /// - Parameters:
    ///   - follow: keep streaming new output until the container stops (or the calling
    ///     task is cancelled).
    ///   - tail: only the last `tail` lines; `nil` for all.
    public func logs(
        _ id: String,
        follow: Bool = false,
        tail: Int? = nil,
        onChunk: @escaping @Sendable (LogStream, [UInt8]) -> Void
    ) async throws(DockerError) {
        try await logs(of: "/containers/\(segment(id))/logs", "container \(id)", raw: try await inspectContainer(id).config.tty,
                       follow: follow, tail: tail, onChunk: onChunk)
    }

    /// A swarm service's output, every task's (`GET /services/{id}/logs`, on a manager),
    /// demultiplexed as a container's; sutactl's services have no TTY.
    public func serviceLogs(
        _ id: String,
        follow: Bool = false,
        tail: Int? = nil,
        onChunk: @escaping @Sendable (LogStream, [UInt8]) -> Void
    ) async throws(DockerError) {
        try await logs(of: "/services/\(segment(id))/logs", "service \(id)", raw: false, follow: follow, tail: tail, onChunk: onChunk)
    }

    private func logs(of path: String, _ what: String, raw: Bool, follow: Bool, tail: Int?,
                      onChunk: @escaping @Sendable (LogStream, [UInt8]) -> Void) async throws(DockerError) {
        var query = DockerQuery()
        query.add("stdout", true)
        query.add("stderr", true)
        query.add("follow", follow)
        query.add("tail", tail.map { String(max(0, $0)) } ?? "all")
        let demultiplexer = LockedState(LogDemultiplexer())
        let engineErrors = LockedState<[String]>([])
        try await stream("GET", path, query: query) { chunk in
            guard !raw else { return onChunk(.stdout, chunk) }
            for frame in demultiplexer.withLock({ $0.append(chunk) }) {
                if frame.stream == .system {
                    engineErrors.withLock { $0.append(String(decoding: frame.payload, as: UTF8.self)) }
                } else {
                    onChunk(frame.stream, frame.payload)
                }
            }
        }
        let state = demultiplexer.value
        if let failure = state.failure {
            throw .decoding("logs of \(what): \(failure)")
        }
        if let message = engineErrors.value.first {
            throw .server(status: 200, message: "logs of \(what): \(message)")
        }
        if !state.isAtFrameBoundary {
            throw .decoding("logs of \(what): the stream ended inside a frame")
        }
    }
}
