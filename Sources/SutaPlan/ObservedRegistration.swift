/// A registration as the discovery agent (Consul) lists it, read before planning.
public struct ObservedRegistration: Sendable, Hashable {
    public var id: String
    /// The service name it is registered under.
    public var name: String
    public var tags: [String]
    public var meta: [String: String]
    public var address: String
    public var port: Int

    public init(id: String, name: String, tags: [String], meta: [String: String], address: String, port: Int) {
        self.id = id
        self.name = name
        self.tags = tags
        self.meta = meta
        self.address = address
        self.port = port
    }
}
