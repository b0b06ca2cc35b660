/// A network or volume as the engine reported it.
public struct ObservedObject: Sendable, Hashable {
    /// The engine's id (volumes: their name).
    public var id: String
    public var name: String
    public var labels: [String: String]

    public init(id: String, name: String, labels: [String: String]) {
        self.id = id
        self.name = name
        self.labels = labels
    }

    public var project: String? { labels[OwnershipLabels.project] }
}
