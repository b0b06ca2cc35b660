/// A container's healthcheck (`Config.Healthcheck`). On the wire every duration is an
/// int64 count of **nanoseconds**; 0 (or absent) inherits the image's or the daemon's
/// default (interval 30 s, timeout 30 s, retries 3). A non-zero duration must be at least
/// 1 ms.
public struct Healthcheck: Codable, Sendable, Equatable {
    /// `["CMD", args…]`, `["CMD-SHELL", "command"]`, `["NONE"]` (disable), or `[]` (inherit).
    public var test: [String]?
    /// Time between checks.
    public var interval: Duration?
    /// How long one check may run.
    public var timeout: Duration?
    /// Grace period after start during which failures do not count.
    public var startPeriod: Duration?
    /// Time between checks during the start period (API 1.44+; older engines ignore it).
    public var startInterval: Duration?
    /// Consecutive failures that make the container unhealthy.
    public var retries: Int?

    /// Creates a healthcheck; `nil` fields are not sent.
    public init(
        test: [String]? = nil,
        interval: Duration? = nil,
        timeout: Duration? = nil,
        startPeriod: Duration? = nil,
        startInterval: Duration? = nil,
        retries: Int? = nil
    ) {
        self.test = test
        self.interval = interval
        self.timeout = timeout
        self.startPeriod = startPeriod
        self.startInterval = startInterval
        self.retries = retries
    }

    enum CodingKeys: String, CodingKey {
        case test = "Test"
        case interval = "Interval"
        case timeout = "Timeout"
        case startPeriod = "StartPeriod"
        case startInterval = "StartInterval"
        case retries = "Retries"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let duration = { (key: CodingKeys) throws -> Duration? in
            try container.decodeIfPresent(Int64.self, forKey: key).map { .nanoseconds($0) }
        }
        test = try container.decodeIfPresent([String].self, forKey: .test)
        interval = try duration(.interval)
        timeout = try duration(.timeout)
        startPeriod = try duration(.startPeriod)
        startInterval = try duration(.startInterval)
        retries = try container.decodeIfPresent(Int.self, forKey: .retries)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(test, forKey: .test)
        try container.encodeIfPresent(interval?.wholeNanoseconds, forKey: .interval)
        try container.encodeIfPresent(timeout?.wholeNanoseconds, forKey: .timeout)
        try container.encodeIfPresent(startPeriod?.wholeNanoseconds, forKey: .startPeriod)
        try container.encodeIfPresent(startInterval?.wholeNanoseconds, forKey: .startInterval)
        try container.encodeIfPresent(retries, forKey: .retries)
    }
}
