/// One document of a (possibly multi-document) YAML file.
public struct YAMLDocument: Sendable {
    /// The root node; nil for an empty document (`---` followed by nothing).
    public var root: YAMLNode?
    /// Where the document starts.
    public var location: SourceLocation

    public init(root: YAMLNode?, location: SourceLocation) {
        self.root = root
        self.location = location
    }
}
