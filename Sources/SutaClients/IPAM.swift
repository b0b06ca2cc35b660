/// A network's address management (`IPAM`).
public struct IPAM: Codable, Sendable, Equatable {
    /// The IPAM driver, `default` when `nil`.
    public var driver: String?
    /// The address pools; `nil` lets the engine pick one.
    public var config: [IPAMPool]?
    /// Driver options.
    public var options: [String: String]?

    /// Creates an IPAM configuration; `nil` fields are not sent.
    public init(driver: String? = nil, config: [IPAMPool]? = nil, options: [String: String]? = nil) {
        self.driver = driver
        self.config = config
        self.options = options
    }

    enum CodingKeys: String, CodingKey {
        case driver = "Driver"
        case config = "Config"
        case options = "Options"
    }
}
