/// The health check the Consul agent runs for a registered service: an HTTP GET (2xx is
/// passing, 429 warning, anything else critical) or a TCP connect, every `interval`.
///
/// Durations are sent as Go duration strings (`"10s"`, `"90m"`), as the agent expects. A
/// new check starts critical until its first run.
public struct ConsulCheck: Encodable, Sendable, Equatable {
    /// The URL the agent GETs, for an HTTP check.
    public private(set) var http: String?
    /// The `host:port` the agent connects to, for a TCP check.
    public private(set) var tcp: String?
    /// How often the check runs.
    public var interval: Duration
    /// How long one run may take (the agent's default is 10 s).
    public var timeout: Duration
    /// How long the check may stay critical before the agent deregisters the service; the
    /// agent enforces at least a minute and looks every 30 s. `nil`: never.
    public var deregisterCriticalServiceAfter: Duration?

    /// An HTTP check of `url`, e.g. `http://127.0.0.1:8080/health`.
    public static func http(_ url: String, interval: Duration, timeout: Duration, deregisterCriticalServiceAfter: Duration? = nil) -> ConsulCheck {
        ConsulCheck(http: url, tcp: nil, interval: interval, timeout: timeout, deregisterCriticalServiceAfter: deregisterCriticalServiceAfter)
    }

    /// A TCP check of `address` (`host:port`).
    public static func tcp(_ address: String, interval: Duration, timeout: Duration, deregisterCriticalServiceAfter: Duration? = nil) -> ConsulCheck {
        ConsulCheck(http: nil, tcp: address, interval: interval, timeout: timeout, deregisterCriticalServiceAfter: deregisterCriticalServiceAfter)
    }

    private init(http: String?, tcp: String?, interval: Duration, timeout: Duration, deregisterCriticalServiceAfter: Duration?) {
        self.http = http
        self.tcp = tcp
        self.interval = interval
        self.timeout = timeout
        self.deregisterCriticalServiceAfter = deregisterCriticalServiceAfter
    }

    enum CodingKeys: String, CodingKey {
        case http = "HTTP"
        case tcp = "TCP"
        case interval = "Interval"
        case timeout = "Timeout"
        case deregisterCriticalServiceAfter = "DeregisterCriticalServiceAfter"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(http, forKey: .http)
        try container.encodeIfPresent(tcp, forKey: .tcp)
        try container.encode(interval.goText, forKey: .interval)
        try container.encode(timeout.goText, forKey: .timeout)
        try container.encodeIfPresent(deregisterCriticalServiceAfter?.goText, forKey: .deregisterCriticalServiceAfter)
    }
}
