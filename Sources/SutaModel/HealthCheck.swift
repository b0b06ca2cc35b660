import SutaYAML

/// How a service shows that it is well, and how often to ask.
public struct HealthCheck: Sendable, Hashable {
    /// What is run or probed.
    public enum Probe: Sendable, Hashable {
        /// A command in the container: `["CMD", ...]` or `["CMD-SHELL", "..."]`.
        case command([String])
        /// An HTTP GET of `path` on a container port; 2xx and 3xx are healthy.
        case http(port: Int, path: String)
        /// A TCP connect to a container port.
        case tcp(port: Int)
        /// Health checking switched off, including any the image declares.
        case disabled
    }

    public var probe: Probe
    public var interval: Duration?
    public var timeout: Duration?
    public var retries: Int?
    public var startPeriod: Duration?
    /// Where `start_period` is written, for the engine's minimum (not part of the value).
    public var startPeriodLocation: SourceLocation?

    public init(probe: Probe, interval: Duration? = nil, timeout: Duration? = nil, retries: Int? = nil, startPeriod: Duration? = nil) {
        self.probe = probe
        self.interval = interval
        self.timeout = timeout
        self.retries = retries
        self.startPeriod = startPeriod
    }

    public static func == (lhs: HealthCheck, rhs: HealthCheck) -> Bool {
        lhs.probe == rhs.probe && lhs.interval == rhs.interval && lhs.timeout == rhs.timeout && lhs.retries == rhs.retries
            && lhs.startPeriod == rhs.startPeriod
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(probe)
        hasher.combine(interval)
        hasher.combine(timeout)
        hasher.combine(retries)
        hasher.combine(startPeriod)
    }
}
