import Foundation
import SutaClients
import XCTest

/// Crash safety: `apply` of a 20-service project killed with SIGKILL at 20 random moments,
/// each followed by an `apply` that must converge with no duplicate container, no orphan and
/// no stray network. The rounds cycle through a cold start, an environment change (every
/// container recreated), a scale up or down with a network added or dropped, and services
/// dropped or declared again, so kills land in creates, recreates and removals. Each kill
/// comes a random number of progress lines into the apply, plus a random delay; the seed is
/// in every failure message, and `SUTACTL_FAULT_SEED=N` replays a run. It runs on a private
/// engine (``PrivateEngine``): on the machine's engine dockerd 20.10 now and then kept a
/// phantom endpoint on this test's network (its "has active endpoints" race, here with
/// clients killed mid-request), and such a network cannot be removed until dockerd restarts.
final class ApplyKillFaultTests: XCTestCase {
    private var project = ""
    private var engine: PrivateEngine?

    /// The scratch project, run against the private engine.
    private var scratch: ScratchManifests {
        var scratch = ScratchManifests(project: project)
        scratch.environment["DOCKER_HOST"] = engine?.host ?? ""
        return scratch
    }

    private var docker: DockerClient {
        get throws { try XCTUnwrap(engine).client }
    }

    /// The services: s00-s04 have health checks, each of the others depends on one of them
    /// being healthy (s05 on s00, s06 on s01, ...). Only five check their health: every check
    /// is an exec in the container, and a hundred a second would load the machine.
    private static let services = (0..<20).map { String(format: "s%02d", $0) }
    /// What the current round's manifests declare.
    private var mode = "m0"
    /// s05-s09 run 3 replicas instead of 1.
    private var scaled = false
    /// Network `extra` is declared, and s10-s14 join it.
    private var extraNetwork = false
    /// s17-s19 are not declared (their containers are orphans, removed by --prune).
    private var dropped = false

    override func setUp() async throws {
        project = try await EngineHarness.scratchProject("kill")
        engine = try PrivateEngine.start()
    }

    override func tearDown() async throws {
        engine?.stop()
        await EngineHarness.removeScratch(project)
    }

    private var declared: ArraySlice<String> { dropped ? Self.services.prefix(17) : Self.services[...] }

    private func replicas(of index: Int) -> Int { scaled && (5..<10).contains(index) ? 3 : 1 }

    private func writeManifests() throws {
        var documents = "---\napiVersion: sutactl/v1\nkind: Network\nmetadata: {name: net}\n"
        if extraNetwork { documents += "---\napiVersion: sutactl/v1\nkind: Network\nmetadata: {name: extra}\n" }
        for (index, name) in declared.enumerated() {
            var spec = """
              command: ["8080"]
              environment: {MODE: \(mode)}
              networks: [net\(extraNetwork && (10..<15).contains(index) ? ", extra" : "")]
              replicas: \(replicas(of: index))
              stop_grace_period: 1s
            """
            spec += index < 5
                ? "\n  healthcheck: {http: {port: 8080, path: /health}, interval: 300ms, timeout: 2s, retries: 3}"
                : "\n  depends_on: {\(Self.services[index % 5]): {condition: service_healthy}}"
            documents += ScratchManifests.service(name, spec)
        }
        try scratch.write(documents)
    }

    /// Changes the manifests for round `round`; what the round exercises.
    private func change(for round: Int) async throws -> String {
        switch round % 4 {
        case 0:
            try await removeEverything()
            return "cold"
        case 1:
            mode = "m\(round)"
            return "environment change"
        case 2:
            scaled.toggle()
            extraNetwork.toggle()
            return scaled ? "scale up, network added" : "scale down, network dropped"
        default:
            dropped.toggle()
            return dropped ? "services dropped" : "services declared again"
        }
    }

    func testSigkillAtTwentyRandomMomentsThenApplyConvergesEveryTime() async throws {
        var random = SeededRandom(environment: ProcessInfo.processInfo.environment)
        let started = Date()
        var killedMidApply = 0
        print("ApplyKillFaultTests: seed \(random.seed) (SUTACTL_FAULT_SEED=\(random.seed) replays it)")
        for round in 0..<20 {
            let kind = try await change(for: round)
            try writeManifests()
            let plan = try scratch.sutactl(["diff", "-f", "manifests", "--prune"])
            // One line per step; the indented lines under a step are its field changes.
            let steps = plan.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.count
            // A step prints a started and a finished line (and waiting lines between).
            let lines = Int.random(in: 0..<max(2 * steps, 1), using: &random)
            let delay = Int.random(in: 0..<150, using: &random)
            let context = "seed \(random.seed), round \(round) (\(kind), \(steps) steps), kill after \(lines) lines + \(delay)ms"

            let apply = try BackgroundSutactl(["apply", "-f", "manifests", "--prune"], environment: scratch.environment,
                                              in: scratch.directory, name: "round\(round)")
            _ = await BackgroundSutactl.eventually(60) { apply.stdoutLines >= lines || !apply.process.isRunning }
            try await Task.sleep(for: .milliseconds(delay))
            if apply.kill() { killedMidApply += 1 }
            let status = try await apply.exitStatus(within: 30)
            XCTAssertNotNil(status, "\(context): the killed apply did not exit")

            let again = try scratch.sutactl(["apply", "-f", "manifests", "--prune", "--wait", "--timeout", "60s"])
            guard again.status == 0 else {
                return XCTFail("\(context): the apply after the kill exited \(again.status)\nkilled apply printed:\n\(apply.stdout)\(apply.stderr)"
                    + "\nthen:\n\(again.stdout)\(again.stderr)")
            }
            try await assertConverged(context)
        }
        XCTAssertGreaterThanOrEqual(killedMidApply, 15, "seed \(random.seed): most kills land while apply runs")
        print("ApplyKillFaultTests: 20 rounds in \(Int(Date().timeIntervalSince(started)))s, \(killedMidApply) killed mid-apply")
    }

    /// Removes the project's containers (forced) and networks behind sutactl's back.
    private func removeEverything() async throws {
        let docker = try docker
        for container in try await EngineHarness.containers(of: project, on: docker) {
            try await docker.removeContainer(container.id, force: true)
        }
        // A network dockerd keeps a phantom endpoint on stays (net is declared in every round).
        for network in try await docker.listNetworks(labelFilters: ["sutactl.project=\(project)"]) {
            try? await docker.removeNetwork(network.id)
        }
    }

    /// Exactly the declared containers (one per replica, running, healthy where checked, each on
    /// its networks) and networks.
    private func assertConverged(_ context: String) async throws {
        var expected: [String] = []
        for (index, name) in declared.enumerated() {
            expected += (1...replicas(of: index)).map { "\(project)-\(name)-\($0)" }
        }
        let containers = try await EngineHarness.containers(of: project, on: docker)
        XCTAssertEqual(containers.map(\.name).sorted(), expected.sorted(), "\(context): no duplicate, no orphan, nothing missing")
        var replicas: [String: Int] = [:]
        for container in containers {
            replicas["\(container.labels["sutactl.service"] ?? "?")/\(container.labels["sutactl.replica"] ?? "?")", default: 0] += 1
            XCTAssertEqual(container.state, "running", "\(context): \(container.name)")
            let index = Int(container.labels["sutactl.service"]?.dropFirst() ?? "") ?? -1
            let networks = ["\(project)_net"] + (extraNetwork && (10..<15).contains(index) ? ["\(project)_extra"] : [])
            XCTAssertEqual(Set(container.networks.keys), Set(networks), "\(context): \(container.name) is on every network, and only those")
            if Self.services.prefix(5).contains(container.labels["sutactl.service"] ?? "") {
                XCTAssertTrue(container.status.contains("(healthy)"), "\(context): \(container.name) is \(container.status)")
            }
        }
        XCTAssertEqual(replicas.values.filter { $0 > 1 }.count, 0, "\(context): one container per replica: \(replicas)")
        let networks = try await docker.listNetworks(labelFilters: ["sutactl.project=\(project)"])
        XCTAssertEqual(networks.map(\.name).sorted(), (["\(project)_net"] + (extraNetwork ? ["\(project)_extra"] : [])).sorted(),
                       "\(context): no stray network")
        let diff = try scratch.sutactl(["diff", "-f", "manifests", "--prune"])
        XCTAssertEqual(diff.status, 0, "\(context): nothing left to change:\n\(diff.stdout)\(diff.stderr)")
    }
}
