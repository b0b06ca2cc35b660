/// One progress message of an image pull, e.g. `Downloading` for a layer.
public struct PullProgress: Sendable, Equatable {
    /// What is happening: `Pulling from library/nginx`, `Downloading`, `Pull complete`, …
    public var status: String
    /// The layer (or tag) the message is about, if any.
    public var id: String?
    /// The engine's progress bar text, if any.
    public var progress: String?
    /// Bytes done, when known.
    public var current: Int64?
    /// Bytes in all, when known.
    public var total: Int64?

    /// Creates a progress message.
    public init(status: String, id: String? = nil, progress: String? = nil, current: Int64? = nil, total: Int64? = nil) {
        self.status = status
        self.id = id
        self.progress = progress
        self.current = current
        self.total = total
    }
}
