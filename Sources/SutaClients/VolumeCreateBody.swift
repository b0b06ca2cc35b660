/// The body of `POST /volumes/create`. `nil` fields are not sent.
public struct VolumeCreateBody: Encodable, Sendable, Equatable {
    /// The volume's name.
    public var name: String
    /// `local` when `nil`.
    public var driver: String?
    /// Driver options, e.g. `type`, `device`, `o` for the local driver.
    public var driverOpts: [String: String]?
    /// Volume labels.
    public var labels: [String: String]?

    /// Creates a body; `nil` fields are not sent.
    public init(name: String, driver: String? = nil, driverOpts: [String: String]? = nil, labels: [String: String]? = nil) {
        self.name = name
        self.driver = driver
        self.driverOpts = driverOpts
        self.labels = labels
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case driver = "Driver"
        case driverOpts = "DriverOpts"
        case labels = "Labels"
    }
}
