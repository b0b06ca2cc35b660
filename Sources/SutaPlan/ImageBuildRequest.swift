import SutaModel

/// What the executor asks the engine driver to build: the image `tag` from `service`'s
/// `build`, with the labels the planner's hash and the project put on it.
public struct ImageBuildRequest: Sendable, Hashable {
    public var service: String
    public var build: BuildSpec
    public var tag: String
    /// The `build.labels`, the project's and the `sutactl.build-hash`.
    public var labels: [String: String]

    public init(service: String, build: BuildSpec, tag: String, labels: [String: String]) {
        self.service = service
        self.build = build
        self.tag = tag
        self.labels = labels
    }
}
