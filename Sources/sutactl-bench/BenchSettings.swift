import Foundation

/// What the side-by-side benchmarks (`--compose`, `--swarm`) run, read from the environment:
/// BENCH_N (the sizes, e.g. "59 200"), BENCH_ROUNDS (at least 1), BENCH_LIMIT (seconds per
/// command), and the tools compared: BENCH_COMPOSE (docker-compose) and BENCH_DOCKER (else
/// the `docker` on PATH, whose `stack deploy` the swarm benchmark runs).
struct BenchSettings {
    let sizes: [Int]
    let rounds: Int
    let limit: Int64
    let compose: String
    let docker: String

    /// The release sutactl beside this binary.
    static var sutactl: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("sutactl")
    }

    init(environment: [String: String]) {
        sizes = (environment["BENCH_N"] ?? "59").split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Int($0) }
        rounds = max(1, Int(environment["BENCH_ROUNDS"] ?? "") ?? 3)
        limit = Int64(environment["BENCH_LIMIT"] ?? "") ?? 300
        compose = environment["BENCH_COMPOSE"] ?? "/usr/bin/docker-compose"
        let onPath = (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/docker" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        docker = environment["BENCH_DOCKER"] ?? onPath ?? "/usr/bin/docker"
    }
}
