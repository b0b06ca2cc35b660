import Foundation
import SutaController

// Benchmarks. Exits non-zero only when a scenario could not run; a missed target shows as
// MISSED in the table. Benchmark of load+validate+resolve. Each scenario runs in a fresh child process so its
// peak RSS is its own; the parent prints the table.
// Usage: sutactl-bench [--iterations N] [--skip-engine] | sutactl-bench --generate DIR COUNT (writes a set to profile)
//        | sutactl-bench --compose (side by side with docker-compose; BENCH_N, BENCH_ROUNDS, BENCH_LIMIT)
//        | sutactl-bench --swarm (side by side with docker stack deploy on a 3-node lab of its own; root; the same variables)
//        | sutactl-bench --write-topology DIR COUNT [--swarm] (the side-by-side topology as compose file and manifests)

let arguments = CommandLine.arguments
let iterations = arguments.firstIndex(of: "--iterations").flatMap { Int(arguments[$0 + 1]) } ?? 15

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func scenarios(generatedRoot: URL) -> [BenchScenario] {
    [
        BenchScenario(name: "sutazai minimal", paths: ["manifests"], profiles: ["minimal"], services: 8,
                      targetMilliseconds: 20, targetPeakMegabytes: nil),
        BenchScenario(name: "sutazai full", paths: ["manifests"], profiles: ["full"], services: 59,
                      targetMilliseconds: 20, targetPeakMegabytes: nil),
        BenchScenario(name: "sutazai full+security", paths: ["manifests"], profiles: ["full", "security"], services: 59,
                      targetMilliseconds: 20, targetPeakMegabytes: nil),
        BenchScenario(name: "generated 1000", paths: [generatedRoot.appendingPathComponent("g1000/manifests").path], profiles: [],
                      services: 1000, targetMilliseconds: 150, targetPeakMegabytes: nil),
        BenchScenario(name: "generated 5000", paths: [generatedRoot.appendingPathComponent("g5000/manifests").path], profiles: [],
                      services: 5000, targetMilliseconds: nil, targetPeakMegabytes: 50),
    ]
}

if let index = arguments.firstIndex(of: "--generate") {
    // Writes a generated set for profiling: sutactl-bench --generate DIR COUNT
    try ManifestGenerator.write(services: Int(arguments[index + 2])!, into: URL(fileURLWithPath: arguments[index + 1]))
    exit(0)
}

if let index = arguments.firstIndex(of: "--write-topology") {
    // Writes the side-by-side topology both ways: sutactl-bench --write-topology DIR COUNT [--swarm]
    // (DIR/compose.yaml and DIR/manifests/; ports from 30000, subnet 10.230.0.0/24; with
    // --swarm the forms for docker stack deploy and engine mode swarm).
    let count = Int(arguments[index + 2])!
    let engine: TopologyEngine = arguments.contains("--swarm") ? .swarm : .docker
    let topology = BenchTopology(count: count, ports: (0..<BenchTopology.publishedPortCount(count)).map { 30000 + $0 },
                                 subnet: "10.230.0.0/24", gateway: "10.230.0.1")
    let directory = URL(fileURLWithPath: arguments[index + 1])
    try ComposeFileWriter.write(topology, engine: engine, into: directory)
    try TopologyManifestWriter.write(topology, project: "bench-topology", engine: engine, into: directory)
    exit(0)
}

if arguments.contains("--compose") {
    // The side-by-side benchmark against docker-compose (BenchSettings: what runs).
    let environment = ProcessInfo.processInfo.environment
    let settings = BenchSettings(environment: environment)
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-bench-compose-\(getpid())")
    print("sutactl against docker-compose 1.29 (release build; same image, command, limits, health checks, dependency conditions, volumes;"
          + " each command limited to \(settings.limit) s)")
    do {
        let engine = try DockerEngineDriver.fromEnvironment(environment)
        for count in settings.sizes {
            let setup = SideBySideSetup(count: count, rounds: settings.rounds, limit: .seconds(settings.limit), sutactl: BenchSettings.sutactl,
                                        work: work, name: "bench-compose")
            let bench = SideBySideBench(setup: setup, composePath: settings.compose, engine: engine)
            SideBySideTable(result: try await bench.run(), rounds: settings.rounds, limitSeconds: settings.limit).print()
        }
    } catch {
        print("FAILED: \(error)")
        try? FileManager.default.removeItem(at: work)
        exit(1)
    }
    try? FileManager.default.removeItem(at: work)
    exit(0)
}

if arguments.contains("--swarm") {
    // The side-by-side benchmark against docker stack deploy on a 3-node lab of its own,
    // removed at the end whatever happened (BenchSettings: what runs).
    let environment = ProcessInfo.processInfo.environment
    let settings = BenchSettings(environment: environment)
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-bench-swarm-\(getpid())")
    let lab = BenchSwarmLab(repository: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), environment: environment)
    print("sutactl against docker stack deploy on a \(BenchSwarmLab.nodeCount)-node swarm lab (release build; same image, command, limits,"
          + " health checks, volumes, ports, rollout settings; each command limited to \(settings.limit) s)")
    var failed = false
    do {
        try lab.start()
        let manager = try lab.clients()[0]
        let engineVersion = try await manager.version().version
        let cli = try await ChildRun([settings.docker, "version", "--format", "{{.Client.Version}}"], in: work.deletingLastPathComponent(),
                                     environment: environment.merging(["DOCKER_HOST": lab.managerHost]) { $1 }, limit: .seconds(30)).finish()
        for count in settings.sizes {
            let setup = SideBySideSetup(count: count, rounds: settings.rounds, limit: .seconds(settings.limit), sutactl: BenchSettings.sutactl,
                                        work: work, name: "bench-swarm")
            let bench = SwarmBench(setup: setup, docker: settings.docker, lab: lab)
            SwarmTable(result: try await bench.run(), rounds: settings.rounds, limitSeconds: settings.limit,
                       cliVersion: cli.lastLine, engineVersion: engineVersion).print()
        }
    } catch {
        print("FAILED: \(error)")
        failed = true
    }
    if let problem = lab.stop() {
        print("FAILED: \(problem)")
        failed = true
    }
    try? FileManager.default.removeItem(at: work)
    exit(failed ? 1 : 0)
}

if let index = arguments.firstIndex(of: "--child") {
    // Child: run one scenario, print "median p95 min peakMB".
    let root = URL(fileURLWithPath: arguments[index + 2])
    let scenario = scenarios(generatedRoot: root)[Int(arguments[index + 1])!]
    do {
        let times = try scenario.measure(iterations: iterations).sorted()
        print(times[times.count / 2], times[min(times.count - 1, times.count * 95 / 100)], times[0], peakRSSMegabytes())
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(1)
    }
}

func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text : text + String(repeating: " ", count: width - text.count) }
var failed = false

// The engine part runs first so the peak RSS of its sutactl children is theirs alone.
var engineRows: [EngineBench.Row] = []
var engineProblem: String?
if !arguments.contains("--skip-engine") {
    do {
        engineRows = try await EngineBench(sutactl: BenchSettings.sutactl, repository: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).run()
    } catch {
        engineProblem = "\(error)"
        failed = true
    }
}

let root = FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: root) }
try ManifestGenerator.write(services: 1000, into: root.appendingPathComponent("g1000"))
try ManifestGenerator.write(services: 5000, into: root.appendingPathComponent("g5000"))

print("sutactl load+validate+resolve benchmark (release build, \(iterations) runs each, median / p95 / min; peak RSS of a fresh process)")
print("")
print(pad("scenario", 24) + pad("services", 10) + pad("median ms", 11) + pad("p95 ms", 9) + pad("min ms", 9)
      + pad("ms/service", 12) + pad("peak MB", 9) + "target")
for (index, scenario) in scenarios(generatedRoot: root).enumerated() {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    child.arguments = ["--child", String(index), root.path, "--iterations", String(iterations)]
    let pipe = Pipe()
    child.standardOutput = pipe
    try child.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    child.waitUntilExit()
    let values = output.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard child.terminationStatus == 0, values.count == 4 else {
        print(pad(scenario.name, 24) + "FAILED")
        failed = true
        continue
    }
    var verdicts: [String] = []
    if let target = scenario.targetMilliseconds {
        verdicts.append("< \(Int(target)) ms " + (values[0] < target ? "ok" : "MISSED"))
    }
    if let target = scenario.targetPeakMegabytes {
        verdicts.append("< \(Int(target)) MB " + (values[3] < target ? "ok" : "MISSED"))
    }
    print(pad(scenario.name, 24) + pad(String(scenario.services), 10) + pad(String(format: "%.2f", values[0]), 11)
          + pad(String(format: "%.2f", values[1]), 9) + pad(String(format: "%.2f", values[2]), 9)
          + pad(String(format: "%.4f", values[0] / Double(scenario.services)), 12)
          + pad(String(format: "%.1f", values[3]), 9) + verdicts.joined(separator: ", "))
}
print("")
print("Growth is linear when ms/service stays flat from 1000 to 5000 services.")

if !arguments.contains("--skip-engine") {
    print("")
    print("reconcile benchmark: the full platform (59 services, offline stand-in images) on the local engine, parallelism 8")
    print("")
    if let engineProblem {
        print("FAILED: \(engineProblem)")
    } else {
        print(pad("scenario", 34) + pad("wall s", 10) + pad("requests", 10) + "target")
        for row in engineRows {
            print(pad(row.name, 34) + pad(row.seconds > 0 ? String(format: "%.3f", row.seconds) : "", 10)
                  + pad(row.requests.map(String.init) ?? "", 10) + row.target)
        }
    }
}
exit(failed ? 1 : 0)
