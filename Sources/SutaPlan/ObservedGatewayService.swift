/// A gateway (Kong) service as the gateway holds it, read before planning.
public struct ObservedGatewayService: Sendable, Hashable {
    /// The ID the gateway gave it.
    public var id: String
    public var name: String?
    /// `http`, `https`, ...
    public var `protocol`: String
    public var host: String
    public var port: Int
    public var path: String?
    public var tags: [String]

    public init(id: String, name: String?, protocol: String, host: String, port: Int, path: String?, tags: [String]) {
        self.id = id
        self.name = name
        self.protocol = `protocol`
        self.host = host
        self.port = port
        self.path = path
        self.tags = tags
    }

    /// `http://api:8000` (with the path, if any): as a manifest URL says it.
    public var url: String {
        let defaultPort = (`protocol` == "http" && port == 80) || (`protocol` == "https" && port == 443)
        return "\(`protocol`)://\(host)\(defaultPort ? "" : ":\(port)")\(path ?? "")"
    }
}
