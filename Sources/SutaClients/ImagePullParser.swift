import SutaHTTP

/// Parses the `POST /images/create` stream incrementally: complete lines become
/// ``PullProgress`` values; the first error line (which can follow the 200) makes the pull
/// a failure, and everything after it is ignored.
struct ImagePullParser: Sendable {
    /// The image as messages name it, e.g. `nginx:1.27`.
    let image: String
    /// Why the pull failed, once a line said so (or could not be read).
    private(set) var failure: DockerError?
    private var lines = LineSplitter()

    init(image: String) {
        self.image = image
    }

    /// Takes the next chunk; returns the progress messages it completes.
    mutating func append(_ chunk: [UInt8]) -> [PullProgress] {
        lines.append(chunk).compactMap { parse($0) }
    }

    /// Takes the end of the stream; returns a last progress message without a newline, or
    /// throws the pull's failure.
    mutating func finish() throws(DockerError) -> [PullProgress] {
        let last = lines.finish().flatMap { parse($0) }
        if let failure { throw failure }
        return last.map { [$0] } ?? []
    }

    private mutating func parse(_ line: [UInt8]) -> PullProgress? {
        guard failure == nil, line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return nil }
        let message: PullStreamMessage
        do {
            message = try DockerJSON.decode(PullStreamMessage.self, from: line, what: "POST /images/create")
        } catch {
            failure = .pullFailed(image: image, message: "cannot pull \(image): \(error.description)")
            return nil
        }
        if let text = message.failure {
            failure = Self.failure(image: image, engineMessage: text)
            return nil
        }
        return PullProgress(
            status: message.status ?? "", id: message.id, progress: message.progress,
            current: message.progressDetail?.current, total: message.progressDetail?.total)
    }

    /// The error for a failed pull of `image`; says `no registry reachable` when the
    /// engine's message is about the network rather than the image.
    static func failure(image: String, engineMessage: String) -> DockerError {
        let lowered = engineMessage.lowercased()
        let unreachable = networkSymptoms.contains { lowered.contains($0) }
        let message = unreachable
            ? "cannot pull \(image): no registry reachable (\(engineMessage))"
            : "cannot pull \(image): \(engineMessage)"
        return .pullFailed(image: image, message: message)
    }

    /// Phrases of Go's network errors that mean the registry could not be reached.
    private static let networkSymptoms = [
        "dial tcp", "no such host", "connection refused", "i/o timeout", "network is unreachable",
        "no route to host", "tls handshake timeout", "context deadline exceeded",
        "client.timeout exceeded", "temporary failure in name resolution", "server misbehaving",
        "proxyconnect",
    ]
}
