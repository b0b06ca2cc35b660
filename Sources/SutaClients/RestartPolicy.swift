/// `HostConfig.RestartPolicy`.
public struct RestartPolicy: Codable, Sendable, Equatable {
    /// `no` (or empty), `always`, `unless-stopped` or `on-failure`.
    public var name: String
    /// For `on-failure`: how many restarts before giving up (0 = no limit).
    public var maximumRetryCount: Int?

    /// Creates a restart policy.
    public init(name: String, maximumRetryCount: Int? = nil) {
        self.name = name
        self.maximumRetryCount = maximumRetryCount
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case maximumRetryCount = "MaximumRetryCount"
    }
}
