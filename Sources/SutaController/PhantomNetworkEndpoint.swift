/// A network the engine will not remove because it still counts an endpoint that no
/// container holds: a dockerd 20.10 race. The network is left in place (the engine's next
/// restart drops the endpoint); the run carries on and says so.
public struct PhantomNetworkEndpoint: Error, Sendable, CustomStringConvertible {
    public var network: String

    public init(network: String) {
        self.network = network
    }

    public var description: String {
        "network \(network) was left in place: the engine still counts an endpoint that no container holds "
            + "(a dockerd race); it goes with the engine's next restart"
    }
}
