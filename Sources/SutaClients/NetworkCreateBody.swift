/// The body of `POST /networks/create`. `nil` fields are not sent.
public struct NetworkCreateBody: Encodable, Sendable, Equatable {
    /// The network's name.
    public var name: String
    /// `bridge` when `nil`; `overlay` for swarm.
    public var driver: String?
    /// Whether the network has no outside connectivity.
    public var `internal`: Bool?
    /// Whether standalone containers may attach (overlay networks).
    public var attachable: Bool?
    /// Whether IPv6 is enabled.
    public var enableIPv6: Bool?
    /// Driver options.
    public var options: [String: String]?
    /// Network labels.
    public var labels: [String: String]?
    /// Subnets, gateways and ranges.
    public var ipam: IPAM?
    /// Set by ``DockerClient/createNetwork(_:)`` for engines before API 1.44, which
    /// otherwise create a second network of the same name.
    var checkDuplicate: Bool?

    /// Creates a body; `nil` fields are not sent.
    public init(
        name: String,
        driver: String? = nil,
        internal: Bool? = nil,
        attachable: Bool? = nil,
        enableIPv6: Bool? = nil,
        options: [String: String]? = nil,
        labels: [String: String]? = nil,
        ipam: IPAM? = nil
    ) {
        self.name = name
        self.driver = driver
        self.internal = `internal`
        self.attachable = attachable
        self.enableIPv6 = enableIPv6
        self.options = options
        self.labels = labels
        self.ipam = ipam
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case driver = "Driver"
        case `internal` = "Internal"
        case attachable = "Attachable"
        case enableIPv6 = "EnableIPv6"
        case options = "Options"
        case labels = "Labels"
        case ipam = "IPAM"
        case checkDuplicate = "CheckDuplicate"
    }
}
