extension DockerClient {
    /// Builds an image (`POST /build`) from `context`, a tar archive of the context directory,
    /// handing each line of the builder's output to `onOutput` (on the transfer's thread) as
    /// it arrives. Intermediate containers are removed, failed or not; nothing is pulled
    /// unless the engine lacks a base image. A failure reported in the stream after the
    /// engine's 200 throws ``DockerError/buildFailed(image:step:message:)`` naming the step.
    public func buildImage(context: [UInt8], options: ImageBuildOptions,
                           onOutput: @escaping @Sendable (String) -> Void) async throws(DockerError) {
        var query = DockerQuery()
        query.add("t", options.tag)
        query.add("dockerfile", options.dockerfile)
        if !options.buildArgs.isEmpty { query.add("buildargs", String(decoding: try DockerJSON.encode(options.buildArgs), as: UTF8.self)) }
        if let target = options.target { query.add("target", target) }
        if !options.labels.isEmpty { query.add("labels", String(decoding: try DockerJSON.encode(options.labels), as: UTF8.self)) }
        query.add("rm", true)
        query.add("forcerm", true)
        let parser = LockedState(ImageBuildParser(image: options.tag))
        do {
            try await stream("POST", "/build", query: query, upload: (context, "application/x-tar")) { chunk in
                for line in parser.withLock({ $0.append(chunk) }) { onOutput(line) }
            }
        } catch .badRequest(let message), .server(_, let message) {
            // The engine refused before building (a Dockerfile it cannot read or parse).
            throw .buildFailed(image: options.tag, step: nil, message: message)
        }
        let last = parser.withLock { parser in Result { () throws(DockerError) in try parser.finish() } }
        for line in try last.get() { onOutput(line) }
    }
}
