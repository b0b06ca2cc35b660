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

    /// From `no`, `always`, `unless-stopped`, `on-failure` or `on-failure:N`.
    public init(restart text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        self.init(name: parts.first.map(String.init) ?? "no", maximumRetryCount: parts.count > 1 ? Int(parts[1]) : nil)
    }

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case maximumRetryCount = "MaximumRetryCount"
    }
}
