/// One version of a read-only file a service mounts, as a swarm config: every node's tasks get
/// the file from the swarm, so it need not exist on the nodes. Its data is never printed or
/// reflected (a configuration file may hold credentials).
public struct SwarmConfigRequest: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// `PROJECT_SERVICE_FILE_MAC`: the MAC (keyed with the project's fingerprint key) changes with
    /// the contents, so an edited file is a new config and the service rotates to it.
    public var name: String
    /// The file on this machine the contents were read from.
    public var source: String
    public var labels: [String: String]
    public let data: [UInt8]

    public init(name: String, source: String, labels: [String: String], data: [UInt8]) {
        self.name = name
        self.source = source
        self.labels = labels
        self.data = data
    }

    public var description: String { "config \(name)" }
    public var customMirror: Mirror { Mirror(self, children: ["name": name, "source": source]) }
}
