import Foundation
import SutaController

/// One benchmark case: manifests to load, and the targets they must meet.
struct BenchScenario {
    var name: String
    var paths: [String]
    var profiles: [String]
    var services: Int
    var targetMilliseconds: Double?
    var targetPeakMegabytes: Double?

    /// Runs load+validate+resolve `iterations` times; returns each wall time in ms.
    func measure(iterations: Int) throws -> [Double] {
        var environment = ProcessInfo.processInfo.environment
        for secret in ["POSTGRES_PASSWORD", "JWT_SECRET_KEY", "SECRET_KEY", "NEO4J_PASSWORD", "GRAFANA_PASSWORD",
                       "RABBITMQ_DEFAULT_PASS", "REDIS_PASSWORD", "CHROMADB_API_KEY", "BENCH_PASSWORD"] {
            environment[secret] = "bench-secret"
        }
        let loader = ManifestLoader(paths: paths, profiles: profiles, environment: environment)
        var times: [Double] = []
        for _ in 0..<iterations {
            let start = ContinuousClock.now
            let resolution = try loader.load()
            let elapsed = ContinuousClock.now - start
            guard let config = resolution.config else {
                throw BenchFailure(message: "\(name): manifests invalid: \(resolution.errors.first?.description ?? resolution.usageError ?? "?")")
            }
            guard config.services.count == services else {
                throw BenchFailure(message: "\(name): expected \(services) services, resolved \(config.services.count)")
            }
            times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        return times
    }
}
