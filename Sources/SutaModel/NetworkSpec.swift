import SutaYAML

/// The desired state of one network.
public struct NetworkSpec: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation
    public var driver: String
    public var isInternal: Bool
    public var attachable: Bool
    public var enableIPv6: Bool
    public var ipam: IPAMConfig?
    public var options: [String: String]
    public var labels: [String: String]

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
        driver = "bridge"
        isInternal = false
        attachable = false
        enableIPv6 = false
        options = [:]
        labels = [:]
    }
}
