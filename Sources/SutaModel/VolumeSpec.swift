import SutaYAML

/// The desired state of one named volume.
public struct VolumeSpec: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation
    public var driver: String
    public var driverOptions: [String: String]
    public var labels: [String: String]

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
        driver = "local"
        driverOptions = [:]
        labels = [:]
    }
}
