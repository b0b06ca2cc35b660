import SutaModel

/// A discovery (Consul) registration as sutactl wants it: the service on its published
/// loopback port, with a check there, owned by the project through its meta.
public struct DiscoveryRegistration: Sendable, Hashable {
    public var id: String
    /// The manifest service registered (not sent: the plan's edges use it).
    public var service: String
    public var name: String
    public var tags: [String]
    public var meta: [String: String]
    public var address: String
    public var port: Int
    /// The check the agent runs, against ``checkTarget``.
    public var check: DiscoveryCheck?

    public init(id: String, service: String, name: String, tags: [String], meta: [String: String], address: String, port: Int, check: DiscoveryCheck?) {
        self.id = id
        self.service = service
        self.name = name
        self.tags = tags
        self.meta = meta
        self.address = address
        self.port = port
        self.check = check
    }

    /// What the agent's check reaches: `http://127.0.0.1:18080/health` or `127.0.0.1:18080`.
    public var checkTarget: String { Self.checkTarget(check?.kind, address: address, port: port) }

    static func checkTarget(_ kind: DiscoveryCheck.Kind?, address: String, port: Int) -> String {
        switch kind {
        case .http(let path)?: "http://\(address):\(port)\(path)"
        case .tcp?, nil: "\(address):\(port)"
        }
    }
}
