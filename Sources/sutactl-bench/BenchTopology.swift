/// The side-by-side benchmark's N-service topology, one value both writers render
/// (`ComposeFileWriter`, `TopologyManifestWriter`), so compose and sutactl run the same thing.
///
/// Every service runs `sutactl-standin:1` serving port 8080, with the same limits, health
/// check, restart policy and stop grace period. Services 0-4 depend on nothing; 5-9 each wait
/// for one of them to be healthy and 10-14 for one of 5-9 (ten health-gated edges in two
/// levels); every later service waits for one of 10-14 to have started. Each group of ten
/// shares a named volume, every fourth service publishes 8080 on a host port of its own, and
/// the last service (nothing depends on it) carries `BENCH_CHANGE`, the one-service change.
struct BenchTopology {
    /// One dependency edge: the service depended on and whether it must be healthy.
    struct Edge: Hashable {
        var service: String
        var healthy: Bool
    }

    /// One service of the topology.
    struct Service {
        var name: String
        var edges: [Edge]
        var volume: String
        var publishedPort: Int?
        /// Only the last service: its environment reads `BENCH_CHANGE`.
        var changeable: Bool
    }

    static let image = "sutactl-standin:1"
    static let command = ["8080"]
    static let healthTest = ["CMD", "wget", "-q", "-O-", "http://127.0.0.1:8080/health"]
    static let healthInterval = "2s"
    static let healthTimeout = "2s"
    static let healthRetries = 3
    static let cpus = "0.1"
    static let memory = "32m"
    static let pids = 64
    static let stopGracePeriod = "5s"
    static let restart = "unless-stopped"
    static let network = "bench"
    /// The variable the one-service change sets (to anything but 0).
    static let changeVariable = "BENCH_CHANGE"

    let services: [Service]
    let volumes: [String]
    /// The network's subnet (an IPv4 CIDR) and gateway.
    let subnet: String
    let gateway: String

    /// The topology of `count` services, publishing on `ports` (one for every fourth service,
    /// `publishedPortCount(count)` of them) and using `subnet` with `gateway`.
    init(count: Int, ports: [Int], subnet: String, gateway: String) {
        precondition(ports.count >= Self.publishedPortCount(count), "need a host port for every fourth service")
        self.subnet = subnet
        self.gateway = gateway
        volumes = (0..<(count + 9) / 10).map { "data-\($0)" }
        services = (0..<count).map { index in
            var edges: [Edge] = []
            if index >= 5 && index < 15 {
                edges = [Edge(service: Self.name(index - 5), healthy: true)]
            } else if index >= 15 {
                edges = [Edge(service: Self.name(10 + index % 5), healthy: false)]
            }
            return Service(name: Self.name(index), edges: edges, volume: "data-\(index / 10)",
                           publishedPort: index % 4 == 0 ? ports[index / 4] : nil, changeable: index == count - 1)
        }
    }

    /// How many host ports a topology of `count` services publishes.
    static func publishedPortCount(_ count: Int) -> Int { (count + 3) / 4 }

    /// `s000`, `s001`, ...: sorted names in the order of the indices.
    static func name(_ index: Int) -> String {
        let digits = String(index)
        return "s" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The number of health-gated edges.
    var healthyEdgeCount: Int { services.reduce(0) { $0 + $1.edges.filter(\.healthy).count } }
    /// The number of edges that wait for a start only.
    var startedEdgeCount: Int { services.reduce(0) { $0 + $1.edges.filter { !$0.healthy }.count } }
    /// The name of the service the one-service change recreates.
    var changedService: String { services.last?.name ?? "" }

    /// A YAML flow sequence of double-quoted strings.
    static func flowList(_ words: [String]) -> String {
        "[" + words.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
}
