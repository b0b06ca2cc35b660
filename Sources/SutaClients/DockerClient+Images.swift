extension DockerClient {
    /// Inspects a local image by reference or ID; ``DockerError/notFound(_:)`` when it is
    /// not present (nothing is pulled).
    public func inspectImage(_ name: String) async throws(DockerError) -> ImageInspect {
        try await decoded(ImageInspect.self, "GET", "/images/\(imageSegment(name))/json")
    }

    /// Whether the image is present locally.
    public func imageExists(_ name: String) async throws(DockerError) -> Bool {
        do {
            _ = try await inspectImage(name)
            return true
        } catch .notFound {
            return false
        }
    }

    /// Pulls an image (`POST /images/create`), handing each progress message to
    /// `onProgress` (on the transfer's thread) as it arrives.
    ///
    /// `reference` is `name`, `name:tag` or `name@digest`. `tag` overrides its tag; without
    /// either the tag is `latest` (an empty tag would pull every tag). A failure reported
    /// in the stream after the engine's 200 is a failure: it throws
    /// ``DockerError/pullFailed(image:message:)``, as does an error status, with
    /// `no registry reachable (…)` in the message when the engine could not reach one.
    public func pullImage(_ reference: String, tag: String? = nil, onProgress: @escaping @Sendable (PullProgress) -> Void) async throws(DockerError) {
        let (name, resolvedTag) = Self.splitImageReference(reference, tag: tag)
        let image = resolvedTag.hasPrefix("sha256:") ? "\(name)@\(resolvedTag)" : "\(name):\(resolvedTag)"
        var query = DockerQuery()
        query.add("fromImage", name)
        query.add("tag", resolvedTag)
        let parser = LockedState(ImagePullParser(image: image))
        do {
            try await stream("POST", "/images/create", query: query) { chunk in
                for progress in parser.withLock({ $0.append(chunk) }) { onProgress(progress) }
            }
        } catch .notFound(let message), .badRequest(let message), .conflict(let message), .server(_, let message) {
            throw ImagePullParser.failure(image: image, engineMessage: message)
        }
        let last = parser.withLock { parser in Result { () throws(DockerError) in try parser.finish() } }
        for progress in try last.get() { onProgress(progress) }
    }

    /// Splits `name[:tag][@digest]` into the `fromImage` and `tag` parameters; the tag is
    /// never empty.
    static func splitImageReference(_ reference: String, tag: String?) -> (name: String, tag: String) {
        if let tag, !tag.isEmpty { return (reference, tag) }
        if let at = reference.firstIndex(of: "@") {
            return (String(reference[..<at]), String(reference[reference.index(after: at)...]))
        }
        // A colon after the last slash separates the tag; one before it belongs to a
        // registry host's port (localhost:5000/app).
        let lastSlash = reference.lastIndex(of: "/")
        if let colon = reference.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
            let explicit = String(reference[reference.index(after: colon)...])
            return (String(reference[..<colon]), explicit.isEmpty ? "latest" : explicit)
        }
        return (reference, "latest")
    }

    /// An image reference as a path: `/`, `:` and `@` stay as they are (the engine's route
    /// takes the rest of the path as the name), everything else is percent-encoded.
    private func imageSegment(_ name: String) -> String {
        DockerQuery.encode(name, keeping: "/:@")
    }
}
