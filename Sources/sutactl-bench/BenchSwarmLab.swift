import Foundation
import SutaClients
import SutaTestSupport

/// The swarm benchmark's own 3-node lab (`scripts/swarm-lab.sh` in `/tmp/sutactl-bench-swarm`,
/// namespaces and cgroups prefixed `bsw`): never the lab a user or a test runs. `start` removes
/// whatever an interrupted run left there first, so every run begins on fresh nodes.
struct BenchSwarmLab {
    static let directory = "/tmp/sutactl-bench-swarm"
    static let name = "bsw"
    static let nodeCount = 3

    /// The repository whose `scripts/swarm-lab.sh` runs the lab.
    let repository: URL
    /// The benchmark's environment (the script copies the image from its DOCKER_HOST, the local engine).
    let environment: [String: String]

    /// The DOCKER_HOST of node `index` (1 is the manager).
    static func host(_ index: Int) -> String { "unix://\(directory)/n\(index)/docker.sock" }

    /// The manager's DOCKER_HOST.
    var managerHost: String { Self.host(1) }

    /// A client of each node, the manager first.
    func clients() throws -> [DockerClient] {
        try (1...Self.nodeCount).map { try DockerClient.fromEnvironment(["DOCKER_HOST": Self.host($0)]) }
    }

    /// Removes a lab left by an interrupted run, then starts a fresh one.
    func start() throws {
        _ = try script("down")
        let up = try script("up")
        guard up.status == 0 else { throw BenchFailure(message: "swarm-lab.sh up failed (\(up.status)): \(up.output)") }
    }

    /// Stops the nodes and removes everything the lab made; the problem when that failed.
    func stop() -> String? {
        do {
            let down = try script("down")
            return down.status == 0 ? nil : "swarm-lab.sh down failed (\(down.status)): \(down.output)"
        } catch {
            return "swarm-lab.sh down could not run: \(error)"
        }
    }

    private func script(_ command: String) throws -> (status: Int32, output: String) {
        var environment = self.environment
        environment["SWARM_LAB_DIR"] = Self.directory
        environment["SWARM_LAB_NAME"] = Self.name
        environment["SWARM_LAB_NODES"] = String(Self.nodeCount)
        guard let run = SwarmLabScript.run([repository.appendingPathComponent("scripts/swarm-lab.sh").path, command],
                                           environment: environment, log: "\(Self.directory).log") else {
            throw BenchFailure(message: "could not start scripts/swarm-lab.sh")
        }
        return run
    }
}
