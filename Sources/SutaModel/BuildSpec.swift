import SutaYAML

/// How a service's image is built (`build:`, Compose's keys): from a context directory and a
/// Dockerfile in it, with build arguments, a target stage and image labels.
public struct BuildSpec: Sendable, Hashable {
    /// The context directory, absolute (written relative to the manifest file).
    public var context: String
    /// The Dockerfile's path inside the context, `/`-separated (default `Dockerfile`).
    public var dockerfile: String
    /// `ARG` values.
    public var args: [String: String]
    /// The stage to build (`--target`); nil for the last one.
    public var target: String?
    /// Labels of the built image; keys starting `sutactl.` are reserved.
    public var labels: [String: String]
    /// Where `build` is written.
    public var location: SourceLocation
    /// The content hash of the context's files after `.dockerignore`, from `BuildContext`
    /// (the controller reads the directory); nil until then.
    public var contextDigest: String?

    public init(context: String, dockerfile: String = "Dockerfile", args: [String: String] = [:], target: String? = nil,
                labels: [String: String] = [:], location: SourceLocation, contextDigest: String? = nil) {
        self.context = context
        self.dockerfile = dockerfile
        self.args = args
        self.target = target
        self.labels = labels
        self.location = location
        self.contextDigest = contextDigest
    }

    /// The build hash (12 hex digits): the context digest, the Dockerfile's path, the
    /// arguments, the target and the labels. The built image carries it in its
    /// `sutactl.build-hash` label; an image is rebuilt only when it differs. The context's
    /// location on the host is not part of it: moving the project rebuilds nothing.
    public var hash: String {
        func list(_ map: [String: String]) -> String {
            map.sorted { $0.key < $1.key }.map { "\($0.key.utf8.count):\($0.key)=\($0.value.utf8.count):\($0.value)" }.joined(separator: ",")
        }
        let text = ["context:" + (contextDigest ?? "unread"), "dockerfile:" + dockerfile, "args:" + list(args),
                    "target:" + (target ?? ""), "labels:" + list(labels)].joined(separator: "\n")
        return String(SHA256.hex(text).prefix(12))
    }

    /// The image a service with `build` and no `image` gets, as Docker Compose names it:
    /// `PROJECT-SERVICE` in lowercase (so the tag is `latest`).
    public static func defaultImage(project: String, service: String) -> String {
        "\(project)-\(service)".lowercased()
    }
}
