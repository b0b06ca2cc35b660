/// The parameters of `POST /build` besides the context: Docker's `t`, `dockerfile`,
/// `buildargs`, `target` and `labels`.
public struct ImageBuildOptions: Sendable, Equatable {
    /// The tag the built image gets, e.g. `web:1`.
    public var tag: String
    /// The Dockerfile's path inside the context.
    public var dockerfile: String
    public var buildArgs: [String: String]
    /// The stage to build; nil for the last.
    public var target: String?
    /// Labels of the built image.
    public var labels: [String: String]

    public init(tag: String, dockerfile: String = "Dockerfile", buildArgs: [String: String] = [:], target: String? = nil,
                labels: [String: String] = [:]) {
        self.tag = tag
        self.dockerfile = dockerfile
        self.buildArgs = buildArgs
        self.target = target
        self.labels = labels
    }
}
