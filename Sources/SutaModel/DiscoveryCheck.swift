/// The check the discovery agent (Consul) runs against a registered service.
public struct DiscoveryCheck: Sendable, Hashable {
    /// HTTP GET of a path, or a TCP connect, on the service's published port.
    public enum Kind: Sendable, Hashable {
        case http(path: String)
        case tcp
    }

    public var kind: Kind
    public var interval: Duration
    public var timeout: Duration

    public init(kind: Kind, interval: Duration, timeout: Duration) {
        self.kind = kind
        self.interval = interval
        self.timeout = timeout
    }
}
