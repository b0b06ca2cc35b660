/// Where a side-by-side topology runs, which decides how the writers render it: containers on
/// the local engine (sutactl against docker-compose 1.29, `--compose`) or services on the
/// swarm lab (sutactl in engine mode swarm against `docker stack deploy`, `--swarm`).
enum TopologyEngine {
    case docker
    case swarm

    /// The address ports are published on: loopback on the shared local engine (beside the
    /// demo); every address of the node in a swarm, which cannot bind one (docs/swarm.md).
    var portHost: String {
        switch self {
        case .docker: "127.0.0.1"
        case .swarm: "0.0.0.0"
        }
    }
}
