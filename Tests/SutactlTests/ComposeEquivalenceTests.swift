import Foundation
import XCTest

/// `convert` then `apply` creates the containers `docker-compose up` creates from the same
/// file: field by field in `docker inspect` (image, command, entrypoint, environment, ports,
/// mounts, limits, healthcheck, restart, user, capabilities, labels other than each tool's).
/// The two run one after the other on the same host ports.
final class ComposeEquivalenceTests: XCTestCase {
    private var sutactlProject = ""
    private var composeProject = ""
    private var directory: URL { EngineHarness.directory(of: sutactlProject) }

    override func setUp() async throws {
        sutactlProject = try await EngineHarness.scratchProject("cvt-eq")
        composeProject = sutactlProject.replacingOccurrences(of: "cvt-eq", with: "cvt-dc").replacingOccurrences(of: "-", with: "")
        try ComposeTool.require()
    }

    override func tearDown() async throws {
        if !sutactlProject.isEmpty, FileManager.default.fileExists(atPath: directory.appendingPathComponent("compose.yaml").path) {
            _ = try? ComposeTool.run(ComposeTool.composePath, ["-p", composeProject, "down", "-v", "-t", "1"], in: directory)
        }
        _ = try? sutactl(["down", "-f", "manifests", "--volumes"])
        await EngineHarness.removeScratch(sutactlProject)
    }

    private func sutactl(_ arguments: [String]) throws -> SutactlRunner.Outcome {
        try SutactlRunner.run(arguments, environment: ["SUTACTL_STATE_DIR": directory.appendingPathComponent("state").path], in: directory)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Converts, validates and applies `compose.yaml`, inspects, takes it down; then the same with
    /// docker-compose; and compares every service's fields.
    private func assertEquivalent(services expected: Set<String>, composeUp: [String] = ["up", "-d"], file: StaticString = #filePath,
                                  line: UInt = #line) async throws {
        let convert = try sutactl(["convert", "-f", "compose.yaml", "--project", sutactlProject, "-o", "manifests"])
        XCTAssertEqual(convert.status, 0, convert.stderr, file: file, line: line)
        let validate = try sutactl(["validate", "-f", "manifests"])
        XCTAssertEqual(validate.status, 0, validate.stderr, file: file, line: line)
        let apply = try sutactl(["apply", "-f", "manifests", "--wait", "--timeout", "90s"])
        XCTAssertEqual(apply.status, 0, apply.stderr + apply.stdout, file: file, line: line)
        let ours = try ComposeTool.inspect(label: "sutactl.project=\(sutactlProject)", serviceLabel: "sutactl.service")
        XCTAssertEqual(try sutactl(["down", "-f", "manifests", "--volumes"]).status, 0, file: file, line: line)

        let up = try ComposeTool.run(ComposeTool.composePath, ["-p", composeProject] + composeUp, in: directory)
        XCTAssertEqual(up.status, 0, up.output, file: file, line: line)
        let theirs = try ComposeTool.inspect(label: "com.docker.compose.project=\(composeProject)", serviceLabel: "com.docker.compose.service")
        XCTAssertEqual(try ComposeTool.run(ComposeTool.composePath, ["-p", composeProject, "down", "-v", "-t", "1"], in: directory).status, 0,
                       file: file, line: line)

        XCTAssertEqual(Set(ours.keys), expected, file: file, line: line)
        XCTAssertEqual(Set(theirs.keys), expected, file: file, line: line)
        for service in expected.sorted() {
            guard let mine = ours[service].map({ ComposeTool.comparable($0, project: sutactlProject) }),
                  let compose = theirs[service].map({ ComposeTool.comparable($0, project: composeProject) }) else { continue }
            for key in mine.keys.sorted() {
                XCTAssertEqual(mine[key], compose[key], "service \(service): \(key) (sutactl, then docker-compose)", file: file, line: line)
            }
        }
    }

    func testFullServiceAgreesWithDockerCompose() async throws {
        let ports = EngineHarness.freePorts(2)
        try write("conf/app.conf", "ok\n")
        try write("token.txt", "t0ken\n")
        try write("app.env", "FROM_FILE=1\nMODE=from-file\n")
        try write("compose.yaml", """
        x-common: &common
          image: sutactl-standin:1
          labels: {team: core, tier: "1"}
          stop_grace_period: 2s
        services:
          web:
            <<: *common
            command: ["8080"]
            environment:
              MODE: one
              GREETING: ${CVT_UNSET_GREETING:-hello}
              PRICE: "$$5"
            env_file: app.env
            ports:
              - "\(ports[0]):8080"
              - target: 8081
                published: \(ports[1])
            volumes:
              - data:/data
              - ./conf:/etc/conf:ro
              - type: tmpfs
                target: /cache
            tmpfs: [/run]
            secrets: [token]
            healthcheck:
              test: ["CMD", "wget", "-q", "-O-", "http://127.0.0.1:8080/health"]
              interval: 1s
              timeout: 2s
              retries: 5
              start_period: 1s
            restart: unless-stopped
            user: "1001:1001"
            working_dir: /tmp
            read_only: true
            cap_drop: [ALL]
            cap_add: [NET_BIND_SERVICE]
            security_opt: ["no-new-privileges:true"]
            mem_limit: 64m
            cpus: 0.5
            pids_limit: 100
            stop_signal: SIGTERM
            networks:
              back: {aliases: [api]}
          worker:
            <<: *common
            entrypoint: ["/bin/sh", "-c"]
            command: ["exec sleep 300"]
            healthcheck:
              test: ["NONE"]
            restart: on-failure:3
            depends_on:
              web: {condition: service_healthy}
        networks:
          back: {}
        volumes:
          data: {}
        secrets:
          token: {file: ./token.txt}
        """)
        try await assertEquivalent(services: ["web", "worker"])
    }

    func testShortFormsProfilesAndDeployLimitsAgreeWithDockerCompose() async throws {
        let ports = EngineHarness.freePorts(2)
        try write("data/seed", "1\n")
        try write("compose.yaml", """
        services:
          api:
            image: sutactl-standin:1
            command: 8080 8081
            ports: ["127.0.0.1:\(ports[0]):8080", "\(ports[1]):8081/udp"]
            environment: [LIST_FORM=yes, "QUOTED=a b"]
            volumes:
              - type: volume
                source: cache
                target: /cache
                read_only: true
              - type: bind
                source: ./data
                target: /seed
            healthcheck:
              test: wget -q -O- http://127.0.0.1:8080/health || exit 1
              interval: 500ms
            user: standin
            cap_add: [SYS_PTRACE]
            restart: "no"
            deploy:
              replicas: 1
              resources:
                limits: {memory: 48M, cpus: "0.25"}
            pids_limit: 64
            labels: [role=api]
          db:
            image: sutactl-standin:1
            command: ["5432"]
            stop_signal: SIGINT
            depends_on: [api]
          debug:
            image: sutactl-standin:1
            profiles: [debug]
        volumes:
          cache:
        """)
        try await assertEquivalent(services: ["api", "db"])
    }

    /// A compose project with a build, a file secret, a profile and a health-gated dependency
    /// goes to running under sutactl with `convert` and `apply` alone; docker-compose builds
    /// the same Dockerfile itself (`--build`) and the containers agree.
    func testABuiltServiceWithASecretAProfileAndAHealthGateAgreesWithDockerCompose() async throws {
        let port = EngineHarness.freePorts(1)[0]
        let tag = "cvt-built-\(sutactlProject.suffix(6).lowercased()):1"
        defer { _ = try? ComposeTool.run("/usr/bin/docker", ["rmi", "-f", tag], in: directory) }
        try write("app/Dockerfile", "FROM sutactl-standin:1\nARG GREETING=hello\nENV GREETING_FROM_BUILD=$GREETING\nCOPY greeting.txt /greeting.txt\n")
        try write("app/greeting.txt", "hi\n")
        try write("app/.dockerignore", "notes.md\n")
        try write("app/notes.md", "not sent\n")
        try write("token.txt", "t0ken\n")
        try write("compose.yaml", """
        services:
          db:
            image: sutactl-standin:1
            command: ["8080"]
            healthcheck:
              test: ["CMD", "wget", "-q", "-O-", "http://127.0.0.1:8080/health"]
              interval: 1s
              retries: 10
          app:
            image: \(tag)
            build:
              context: ./app
              args: {GREETING: hi}
              labels: {built.by: cvt-test}
            command: ["8080"]
            ports: ["127.0.0.1:\(port):8080"]
            secrets: [token]
            depends_on:
              db: {condition: service_healthy}
            healthcheck:
              test: ["CMD", "wget", "-q", "-O-", "http://127.0.0.1:8080/health"]
              interval: 1s
              retries: 10
          debug:
            image: sutactl-standin:1
            profiles: [debug]
        secrets:
          token: {file: ./token.txt}
        """)
        try await assertEquivalent(services: ["app", "db"], composeUp: ["up", "-d", "--build"])
        // Both tools built the image from the same context: its ENV and label reached the container.
        let image = try ComposeTool.run("/usr/bin/docker", ["image", "inspect", "-f", "{{json .Config.Env}} {{index .Config.Labels \"built.by\"}}", tag],
                                        in: directory)
        XCTAssertTrue(image.output.contains("GREETING_FROM_BUILD=hi") && image.output.contains("cvt-test"), image.output)
    }
}
