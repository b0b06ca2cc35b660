import Foundation
import XCTest

/// `sutactl convert` without an engine: what each compose key becomes, what is listed as not
/// carried (with file:line:col), override files, profiles, `-o DIR`, and the pointer that
/// `validate` gives for a compose file.
final class ConvertCommandTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cvt-unit-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    private func sutactl(_ arguments: [String], environment: [String: String] = [:]) throws -> SutactlRunner.Outcome {
        try SutactlRunner.run(arguments, environment: environment, in: directory)
    }

    private static let compose = """
    name: cvt-unit
    x-labels: &labels
      team: core
    services:
      web:
        image: sutactl-standin:1
        container_name: web-1
        hostname: web
        command: ["8080"]
        labels: *labels
        environment:
          MODE: one
          FROM_SHELL:
          PRICE: "$$5"
          GREETING: ${GREETING:-hello}
        env_file: web.env
        ports:
          - "${WEB_PORT:-18080}:8080"
          - "127.0.0.1::8080/udp"
          - "9000-9001:9000-9001"
        expose: ["9000"]
        volumes:
          - data:/data
          - ./conf:/etc/conf:ro
          - /anonymous
          - type: tmpfs
            target: /cache
            tmpfs: {size: 1000000}
        healthcheck:
          test: ["CMD", "true"]
          interval: 2s
          start_interval: 1s
        deploy:
          replicas: 2
          resources:
            limits: {cpus: "0.5", memory: 64M}
            reservations: {cpus: "0.25", memory: 32M, devices: [{capabilities: [gpu]}]}
          update_config: {parallelism: 2}
        secrets: [token, api]
        depends_on:
          cache: {condition: service_healthy, required: false}
      cache:
        image: sutactl-standin:1
        profiles: [debug]
        healthcheck: {test: ["NONE"]}
        networks:
          back: {aliases: [kv], ipv4_address: 172.30.0.5, priority: 10}
        privileged: true
        mem_reservation: 16M
    networks:
      back:
        ipam: {config: [{subnet: 172.30.0.0/24}]}
    volumes:
      data:
        external: true
    secrets:
      token: {file: ./token.txt}
      api: {environment: API_TOKEN}
    """

    func testComposeKeysBecomeManifestFieldsAndTheRestIsListedWithItsPlace() throws {
        try write("compose.yaml", Self.compose)
        try write("web.env", "FROM_FILE=a$b\nMODE=from-file\n")
        try write("token.txt", "t0ken\n")
        let run = try sutactl(["convert", "-f", "compose.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let out = run.stdout
        let root = directory.standardizedFileURL.path
        for expected in [
            "kind: Project\nmetadata:\n  name: cvt-unit\nspec:\n  default_profile: default\n  secrets:\n    - API_TOKEN\n",
            "kind: Network\nmetadata:\n  name: default\n",
            "kind: Network\nmetadata:\n  name: back\nspec:\n  ipam:\n    subnet: 172.30.0.0/24\n",
            // env_file first, `environment` wins; `$` from a file escaped; a bare name is its variable.
            "  environment:\n    FROM_FILE: a$$b\n    MODE: one\n    FROM_SHELL: ${FROM_SHELL}\n    PRICE: $$5\n    GREETING: ${GREETING:-hello}\n    api: ${API_TOKEN}\n",
            "  ports:\n    - target: 8080\n      published: ${WEB_PORT:-18080}\n      host_ip: 0.0.0.0\n    - target: 8080\n      host_ip: 127.0.0.1\n      protocol: udp\n",
            "  volumes:\n    - data:/data\n    - \(root)/conf:/etc/conf:ro\n    - type: bind\n      source: \(root)/token.txt\n      target: /run/secrets/token\n      read_only: true\n",
            "  networks:\n    - default\n  resources:\n    cpus: \"0.5\"\n    memory: 64M\n    reservations:\n      cpus: \"0.25\"\n      memory: 32M\n",
            "  healthcheck:\n    test:\n      - CMD\n      - \"true\"\n    interval: 2s\n",
            "  depends_on:\n    cache:\n      condition: service_healthy\n      required: false\n",
            "  tmpfs:\n    - /cache:size=1000000\n  labels:\n    team: core\n  replicas: 2\n",
            "  networks:\n    back:\n      aliases:\n        - kv\n      ipv4_address: 172.30.0.5\n  resources:\n    reservations:\n      memory: 16M\n"
                + "  healthcheck:\n    disable: true\n",
            "kind: Profile\nmetadata:\n  name: default\n",
            "  name: debug\nspec:\n  description: \"Compose profile debug: `docker compose --profile debug up`.\"\n  extends:\n    - default\n  services:\n    - cache\n",
        ] {
            XCTAssertTrue(out.contains(expected), "missing:\n\(expected)\nin:\n\(out)")
        }
        for expected in [
            "compose.yaml:7:5: warning: `container_name` is not carried: sutactl names containers PROJECT-SERVICE-N itself",
            "compose.yaml:8:5: warning: `hostname` is not carried",
            "compose.yaml:20:9: warning: `ports` entry `9000-9001:9000-9001` is not carried: sutactl publishes one port per entry",
            "compose.yaml:21:5: warning: `expose` is not carried",
            "compose.yaml:25:9: warning: `volumes` entry `/anonymous` is not carried: sutactl has no anonymous volumes",
            "compose.yaml:32:7: warning: `healthcheck.start_interval` is not carried",
            "compose.yaml:37:51: warning: `deploy.resources.reservations.devices` is not carried: sutactl reserves cpus and memory only",
            "compose.yaml:38:7: warning: `deploy.update_config` is not carried",
            "compose.yaml:39:22: warning: secret `api` is carried as the environment variable `api`",
            "compose.yaml:47:55: warning: `networks.back.priority` is not carried",
            "compose.yaml:48:5: warning: `privileged` is not carried: sutactl refuses it (CIS Docker Benchmark 5.4",
            "compose.yaml:55:5: warning: `volumes.data.external` is not carried",
        ] {
            XCTAssertTrue(run.stderr.contains(expected), "missing:\n\(expected)\nin:\n\(run.stderr)")
        }
        // The same notes sit above the service they concern.
        XCTAssertTrue(out.contains("# compose.yaml:7:5: `container_name` is not carried"), out)
        XCTAssertFalse(run.stderr.contains("mem_reservation"), "carried as resources.reservations.memory")
        XCTAssertFalse(out.contains("t0ken"), "a file secret is mounted, not copied")
    }

    func testOverrideFileMergesAsComposeDoesAndOutputDirectoryIsNotOverwritten() throws {
        try write("compose.yaml", """
        services:
          web:
            image: sutactl-standin:1
            environment: [MODE=one, KEEP=yes]
            ports: ["127.0.0.1:18080:8080"]
            cap_add: [NET_ADMIN]
        """)
        try write("override.yaml", """
        services:
          web:
            image: sutactl-standin:2
            environment: {MODE: two}
            ports: ["127.0.0.1:18081:8081"]
        """)
        try write(".env", "WEB_PORT=18080\n")
        let run = try sutactl(["convert", "-f", "compose.yaml", "-f", "override.yaml", "--project", "cvt-over", "-o", "out"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("wrote 3 files in out"), run.stderr)
        let service = try String(contentsOf: directory.appendingPathComponent("out/services/web.yaml"), encoding: .utf8)
        XCTAssertTrue(service.contains("  image: sutactl-standin:2\n"), service)
        XCTAssertTrue(service.contains("  environment:\n    MODE: two\n    KEEP: \"yes\"\n"), service)
        XCTAssertTrue(service.contains("published: 18080") && service.contains("published: 18081"), service)
        XCTAssertTrue(service.contains("  cap_add:\n    - NET_ADMIN\n"), service)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("out/.env"), encoding: .utf8), "WEB_PORT=18080\n")
        let valid = try sutactl(["validate", "-f", "out"])
        XCTAssertEqual(valid.status, 0, valid.stderr)
        XCTAssertEqual(valid.stdout, "valid: project cvt-over, profile (all services): 1 services, 1 networks, 0 volumes\n")

        let again = try sutactl(["convert", "-f", "compose.yaml", "-o", "out"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("error: would overwrite \(directory.appendingPathComponent("out").path)/project.yaml"), again.stderr)
        XCTAssertTrue(again.stderr.contains("pass --force to replace them"), again.stderr)
        XCTAssertEqual(try sutactl(["convert", "-f", "compose.yaml", "-o", "out", "--force"]).status, 0)
    }

    /// `build` is written with the compose key names the manifest's `build` field takes (not
    /// validated here: that field is being added separately).
    func testBuildKeepsItsComposeKeysAndListsTheRest() throws {
        try write("compose.yaml", """
        services:
          short:
            build: ./app
          long:
            image: cvt/long:1
            build:
              context: ./app
              dockerfile: Dockerfile.dev
              args: [VERSION=1]
              target: runtime
              labels: {stage: dev}
              ssh: [default]
              cache_from: [cvt/long:0]
        """)
        let run = try sutactl(["convert", "-f", "compose.yaml"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let app = directory.standardizedFileURL.appendingPathComponent("app").path
        XCTAssertTrue(run.stdout.contains("  name: short\nspec:\n  build:\n    context: \(app)\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("""
          image: cvt/long:1
          build:
            context: \(app)
            dockerfile: Dockerfile.dev
            args:
              VERSION: "1"
            target: runtime
            labels:
              stage: dev

        """), run.stdout)
        XCTAssertTrue(run.stderr.contains("compose.yaml:12:7: warning: `build.ssh` is not carried: sutactl's build carries context, dockerfile, args, target and labels only"), run.stderr)
        XCTAssertTrue(run.stderr.contains("compose.yaml:13:7: warning: `build.cache_from` is not carried"), run.stderr)
    }

    func testValidateAndApplyPointAtConvertForAComposeFile() throws {
        try write("compose.yaml", "services:\n  web:\n    image: sutactl-standin:1\n")
        for command in ["validate", "config", "apply"] {
            let run = try sutactl([command, "-f", "compose.yaml"])
            XCTAssertNotEqual(run.status, 0)
            XCTAssertTrue(run.stderr.contains("compose.yaml:1:1: error: this looks like a compose file: run `sutactl convert -f compose.yaml`"),
                          command + ": " + run.stderr)
        }
    }

    func testBadComposeInputIsAnErrorAtItsPlace() throws {
        try write("compose.yaml", "services:\n  web:\n    image: [unclosed\n")
        let broken = try sutactl(["convert", "-f", "compose.yaml"])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("compose.yaml:3:12: error:"), broken.stderr)
        try write("compose.yaml", "services:\n  web:\n    image: x\n    env_file: missing.env\n    secrets: [nope]\n    extends: {file: other.yaml, service: base}\n")
        let missing = try sutactl(["convert", "-f", "compose.yaml"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("compose.yaml:4:15: error: cannot read `\(directory.standardizedFileURL.path)/missing.env`: no such file"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("compose.yaml:5:15: error: secret `nope` is not declared in the top-level `secrets`"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("compose.yaml:6:21: warning: `extends.file` is not carried: extends from another file is not read"), missing.stderr)
        XCTAssertEqual(try sutactl(["convert"]).status, 2)
    }
}
