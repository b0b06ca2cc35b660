import Foundation
import SutaClients
import SutaController
import SutaModel
import SutaPlan
import SutaTestSupport

/// The reconcile benchmark against the real engine: sutactl's cold apply, no-op apply,
/// one-service change and down of the full platform (offline overlay), each with wall time,
/// engine requests and peak RSS of the sutactl process; and the engine's own floor: the
/// same containers created and started straight through the API with the same parallelism.
struct EngineBench {
    let sutactl: URL
    let repository: URL
    let project = "sutazai-bench"
    let parallelism = 8

    /// Kong, Consul and Ollama stand-ins the platform's URLs point at during the bench.
    let kong: KongStandIn
    let consul: ConsulStandIn
    let ollama: OllamaStandIn

    init(sutactl: URL, repository: URL) throws {
        self.sutactl = sutactl
        self.repository = repository
        kong = try KongStandIn(mode: .dbless)
        consul = try ConsulStandIn()
        ollama = try OllamaStandIn()
        ollama.setPull("tinyllama", .succeed(progressLines: 3))
        ollama.setPull("nomic-embed-text", .succeed(progressLines: 3))
    }

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["KONG_ADMIN_URL"] = kong.address
        environment["CONSUL_URL"] = consul.address
        environment["OLLAMA_URL"] = ollama.address
        for secret in ["POSTGRES_PASSWORD", "JWT_SECRET_KEY", "SECRET_KEY", "NEO4J_PASSWORD", "GRAFANA_PASSWORD",
                       "RABBITMQ_DEFAULT_PASS", "REDIS_PASSWORD", "CHROMADB_API_KEY"] {
            environment[secret] = "bench-secret"
        }
        environment["SUTAZAI_SUBNET"] = "10.214.0.0/16"
        environment["SUTAZAI_GATEWAY"] = "10.214.0.1"
        environment["SUTACTL_STATE_DIR"] = FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-bench-state").path
        return environment
    }

    /// One row of the table.
    struct Row {
        var name: String
        var seconds: Double
        var requests: Int?
        var target: String
    }

    func run() async throws -> [Row] {
        let engine = try DockerEngineDriver.fromEnvironment(environment)
        try await cleanUp(engine)

        // Its own project name, subnet and host ports: it runs beside the demo.
        let ports = try BenchPortsProfile.write(for: try platform(projectName: project))
        let (floor, single) = try await engineFloor(engine, ports: ports)
        try await cleanUp(engine)

        let base = ["apply", "-f", "manifests/", "-f", "examples/offline/", "-f", ports.directory.path,
                    "--profile", "full,offline,\(BenchPortsProfile.name)", "--project", project, "-o", "json"]
        let cold = try runSutactl(base)
        let noop = try runSutactl(base)
        var changedEnvironment = environment
        changedEnvironment["GRAFANA_ROOT_URL"] = "http://localhost:10005/grafana-bench/"
        let change = try runSutactl(base, environment: changedEnvironment)
        let (repairs, idleCPU, idleRSS) = try await controllerRun(engine)
        let down = try runSutactl(["down", "-f", "manifests/", "--project", project, "--volumes"])
        try await cleanUp(engine)

        // The largest sutactl child so far: this runs before any other child of the bench.
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        return [
            Row(name: "engine floor (59 create+start)", seconds: floor.seconds, requests: floor.requests, target: ""),
            Row(name: "cold apply full", seconds: cold.seconds, requests: cold.requests,
                target: verdict(cold.seconds <= floor.seconds * 1.3, "<= 1.3x floor (\(format(floor.seconds * 1.3))s)")),
            Row(name: "no-op apply", seconds: noop.seconds, requests: noop.requests,
                target: verdict(noop.seconds < 0.15 && (noop.requests ?? 99) <= 5, "< 150 ms and <= 5 requests")),
            Row(name: "one-service change", seconds: change.seconds, requests: change.requests,
                target: verdict(change.seconds <= single + 0.2, "<= create+start + 200 ms (\(format(single + 0.2))s)")),
            Row(name: "down (with volumes)", seconds: down.seconds, requests: nil, target: ""),
            Row(name: "controller drift repair (median of \(repairs.count) kills)", seconds: median(repairs), requests: nil,
                target: verdict(median(repairs) < 1, "< 1 s") + String(format: " (min %.3f, max %.3f)", repairs.min() ?? 0, repairs.max() ?? 0)),
            Row(name: String(format: "controller idle CPU %.2f%% of a core", idleCPU), seconds: 0, requests: nil, target: verdict(idleCPU < 1, "< 1%")),
            Row(name: String(format: "controller idle RSS %.1f MB", idleRSS), seconds: 0, requests: nil, target: verdict(idleRSS < 30, "< 30 MB")),
            Row(name: String(format: "sutactl peak RSS %.1f MB", peak), seconds: 0, requests: nil, target: verdict(peak < 30, "< 30 MB")),
        ]
    }

    private func verdict(_ ok: Bool, _ target: String) -> String { target + (ok ? " ok" : " MISSED") }
    private func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count / 2] }

    /// Runs `sutactl controller` over the full platform: kills 10 containers one after the
    /// other and times each until it runs again; then measures the idle controller's CPU
    /// (over 10 s) and RSS from /proc.
    private func controllerRun(_ engine: DockerEngineDriver) async throws -> (repairs: [Double], cpu: Double, rssMegabytes: Double) {
        let process = Process()
        process.executableURL = sutactl
        process.arguments = ["controller", "--project", project, "--resync", "30s"]
        process.currentDirectoryURL = repository
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGTERM); process.waitUntilExit() } }
        try await Task.sleep(for: .seconds(5))
        let containers = try await engine.client.listContainers(all: true, labelFilters: ["sutactl.project=\(project)"])
            .sorted { $0.name < $1.name }
        var repairs: [Double] = []
        for container in containers.prefix(10) {
            let startedBefore = try await engine.client.inspectContainer(container.id).state.startedAt
            try await engine.client.killContainer(container.id)
            let start = ContinuousClock.now
            while ContinuousClock.now - start < .seconds(20) {
                try await Task.sleep(for: .milliseconds(20))
                let state = try await engine.client.inspectContainer(container.id).state
                if state.running && state.startedAt != startedBefore { break }
            }
            repairs.append((ContinuousClock.now - start).inSeconds)
            try await Task.sleep(for: .seconds(1))
        }
        try await Task.sleep(for: .seconds(5))
        let pid = process.processIdentifier
        let before = cpuTicks(pid)
        try await Task.sleep(for: .seconds(10))
        let ticks = cpuTicks(pid) - before
        let cpu = Double(ticks) / Double(sysconf(Int32(_SC_CLK_TCK))) / 10 * 100
        return (repairs, cpu, rssMegabytes(pid))
    }

    /// utime + stime of a process, in clock ticks.
    private func cpuTicks(_ pid: Int32) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    private func rssMegabytes(_ pid: Int32) -> Double {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        return Double(line?.split(separator: " ").dropFirst().first ?? "0").map { $0 / 1024 } ?? 0
    }
    private func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }

    /// The full platform with the offline overlay (and the moved ports), as project `projectName`.
    private func platform(projectName: String, ports: BenchPortsProfile? = nil) throws -> ResolvedConfig {
        let paths = [repository.appendingPathComponent("manifests").path, repository.appendingPathComponent("examples/offline").path]
            + (ports.map { [$0.directory.path] } ?? [])
        let resolution = try ManifestLoader(paths: paths, profiles: ["full", "offline"] + (ports == nil ? [] : [BenchPortsProfile.name]),
                                            environment: environment, projectName: projectName).load()
        guard let config = resolution.config else { throw BenchFailure(message: "manifests invalid: \(resolution.errors.first?.description ?? "")") }
        return config
    }

    /// The platform's containers created and started directly, with the same bodies and
    /// parallelism, no dependency waits (`EngineFloor`); and one container's create+start alone.
    private func engineFloor(_ engine: DockerEngineDriver, ports: BenchPortsProfile) async throws -> (total: (seconds: Double, requests: Int), single: Double) {
        let floor = EngineFloor(engine: engine, config: try platform(projectName: project + "-floor", ports: ports), parallelism: parallelism)
        try await floor.prepare()
        let total = try await floor.createAndStartAll()
        return (total, try await floor.loneCreateAndStart())
    }

    private func cleanUp(_ engine: DockerEngineDriver) async throws {
        for name in [project, project + "-floor"] {
            try await ProjectCleanup.remove(label: "\(OwnershipLabels.project)=\(name)", on: engine.client)
        }
    }

    /// Runs sutactl as a child: wall time and engine requests (from `-o json`).
    private func runSutactl(_ arguments: [String], environment given: [String: String]? = nil) throws -> (seconds: Double, requests: Int?) {
        let process = Process()
        process.executableURL = sutactl
        process.arguments = arguments
        process.currentDirectoryURL = repository
        process.environment = given ?? environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let start = ContinuousClock.now
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = (ContinuousClock.now - start).inSeconds
        let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        if let json, json["succeeded"] as? Bool == false {
            throw BenchFailure(message: "sutactl \(arguments.joined(separator: " ")) failed: \(String(decoding: data, as: UTF8.self).prefix(400))")
        }
        return (elapsed, json?["engineRequests"] as? Int)
    }
}
