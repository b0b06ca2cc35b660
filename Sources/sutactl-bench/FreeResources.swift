import Foundation
import SutaClients
import SutaModel

/// Host ports and subnets nobody holds, handed out once each: the side-by-side benchmark
/// publishes and networks only on these, beside the demo and other engineers' projects.
struct FreeResources {
    private var nextPort = 23000
    private var nextSubnet = 0
    private let taken: [IPv4Subnet]

    /// Reads the subnets of every network on the engine.
    init(client: DockerClient) async throws {
        taken = try await client.listNetworks().flatMap { $0.ipam.config ?? [] }.compactMap { $0.subnet.flatMap(IPv4Subnet.init(cidr:)) }
    }

    /// `count` loopback TCP ports that bind now.
    mutating func ports(_ count: Int) -> [Int] {
        var ports: [Int] = []
        while ports.count < count {
            if HostPortBind.problem(hostIP: "127.0.0.1", port: nextPort) == nil { ports.append(nextPort) }
            nextPort += 1
        }
        return ports
    }

    /// A /24 in 10.231.0.0/16 that overlaps no network's subnet: (subnet, gateway).
    mutating func subnet() throws -> (subnet: String, gateway: String) {
        while nextSubnet < 256 {
            let candidate = IPv4Subnet(cidr: "10.231.\(nextSubnet).0/24")!
            nextSubnet += 1
            if !taken.contains(where: { $0.contains(candidate.address) || candidate.contains($0.address) }) {
                return (candidate.description, "10.231.\(nextSubnet - 1).1")
            }
        }
        throw BenchFailure(message: "no free /24 left in 10.231.0.0/16")
    }
}
