/// A model the model server (Ollama) must have.
public struct ModelSpec: Sendable, Hashable {
    public var name: String
    /// Load it into memory on apply (and keep it there for `keepAlive`).
    public var preload: Bool
    /// How long a preloaded model stays loaded: a duration (`5m`), or `-1` for ever.
    public var keepAlive: String?

    public init(name: String, preload: Bool = false, keepAlive: String? = nil) {
        self.name = name
        self.preload = preload
        self.keepAlive = keepAlive
    }
}
