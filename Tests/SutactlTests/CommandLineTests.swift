import Foundation
import XCTest

/// The `sutactl` binary as an operator uses it: exit statuses, output, diagnostics.
final class CommandLineTests: XCTestCase {
    func testValidateEachProfile() throws {
        // backend and ollama ask for 4 CPUs: on a smaller host each is a warning (the engine is given the host's count).
        let hostCPUs = ProcessInfo.processInfo.activeProcessorCount
        let warnings = hostCPUs < 4 ? " (2 warnings)" : ""
        for (profile, summary) in [("minimal", "8 services, 1 networks, 8 volumes"), ("full", "59 services, 1 networks, 15 volumes")] {
            let outcome = try SutactlRunner.run(["validate", "-f", "manifests/", "--profile", profile])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertEqual(outcome.stdout, "valid: project sutazai, profile \(profile): \(summary)\(warnings)\n")
            let cpuWarnings = outcome.stderr.components(separatedBy: "warning: `cpus` 4 is more than the \(hostCPUs) CPU").count - 1
            XCTAssertEqual(cpuWarnings, hostCPUs < 4 ? 2 : 0, outcome.stderr)
        }
    }

    func testConfigJSONIsTheScriptContract() throws {
        let outcome = try SutactlRunner.run(["config", "-f", "manifests/", "--profile", "full", "-o", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["project"] as? String, "sutazai")
        XCTAssertEqual(object["profile"] as? String, "full")
        let services = try XCTUnwrap(object["services"] as? [[String: Any]])
        XCTAssertEqual(services.count, 59)
        let postgres = try XCTUnwrap(services.first { $0["name"] as? String == "postgres" })
        XCTAssertEqual(postgres["image"] as? String, "postgres:16.3-alpine")
        let ports = try XCTUnwrap(postgres["ports"] as? [[String: Any]])
        XCTAssertEqual(ports.first?["hostIP"] as? String, "127.0.0.1")
        XCTAssertEqual(ports.first?["hostPort"] as? Int, 10000)
        XCTAssertEqual(ports.first?["containerPort"] as? Int, 5432)
        XCTAssertEqual(ports.first?["protocol"] as? String, "tcp")
        XCTAssertEqual(postgres["cpus"] as? Double, 2)
        XCTAssertEqual(postgres["memoryBytes"] as? Int, 2 << 30)
        XCTAssertNotNil(postgres["networks"] as? [Any])
        XCTAssertNotNil(postgres["volumes"] as? [Any])
        let backend = try XCTUnwrap(services.first { $0["name"] as? String == "backend" })
        let dependencies = try XCTUnwrap(backend["dependsOn"] as? [[String: Any]])
        let neo4j = try XCTUnwrap(dependencies.first { $0["service"] as? String == "neo4j" })
        XCTAssertEqual(neo4j["condition"] as? String, "started")
        XCTAssertEqual(neo4j["required"] as? Bool, false)
        // Secrets never leave the process.
        for value in SutactlRunner.platformSecrets.values {
            XCTAssertFalse(outcome.stdout.contains(value), "secret value printed")
        }
        XCTAssertTrue(outcome.stdout.contains("\"***\""))
    }

    func testConfigYAMLIsTheDefault() throws {
        let outcome = try SutactlRunner.run(["config", "-f", "manifests/", "--profile", "minimal"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("project: sutazai\nprofile: minimal\nservices:\n  - name: backend\n"), outcome.stdout)
    }

    func testInvalidManifestsPrintCompilerStyleAndExitOne() throws {
        let outcome = try SutactlRunner.run(["validate", "-f", "broken"], in: try SutactlRunner.fixtures)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertEqual(outcome.stderr, """
        broken/app.yaml:6:15: error: unknown field `memroy` in resources
          hint: did you mean `memory`?
        1 error, 0 warnings

        """)
        let json = try SutactlRunner.run(["validate", "-f", "broken", "-o", "json"], in: try SutactlRunner.fixtures)
        XCTAssertEqual(json.status, 1)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["valid"] as? Bool, false)
        let first = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["line"] as? Int, 6)
        XCTAssertEqual(first["column"] as? Int, 15)
    }

    func testDotEnvBesideTheManifestsIsReadAndSecretsMasked() throws {
        let outcome = try SutactlRunner.run(["config", "-f", "dotenv/manifests", "-o", "json"], environment: [:],
                                            in: try SutactlRunner.fixtures)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("\"GREETING\": \"hi there\""), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("\"API_TOKEN\": \"***\""))
        XCTAssertFalse(outcome.stdout.contains("from-dotenv-file"))
        // The process environment wins over .env.
        let overridden = try SutactlRunner.run(["config", "-f", "dotenv/manifests", "-o", "json"], environment: ["GREETING": "hey"],
                                               in: try SutactlRunner.fixtures)
        XCTAssertTrue(overridden.stdout.contains("\"GREETING\": \"hey\""))
    }

    func testUsageErrorsExitTwo() throws {
        let cases: [([String], String)] = [
            (["validate", "--profle", "minimal"], "error: unknown flag --profle for `validate` (did you mean --profile?)"),
            (["validate", "-f", "manifests/", "--profile", "minimall"],
             "error: unknown profile `minimall` (did you mean `minimal`?); known profiles: default, full, minimal, security"),
            (["validate", "-f", "no-such-dir"], "error: no-such-dir: no such file or directory"),
            (["valdate"], "error: unknown command `valdate` (did you mean `sutactl validate`?)"),
            (["config", "-o", "toml"], "error: `config` does not support -o toml; use yaml or json"),
            (["status", "-o", "yaml"], "error: `status` does not support -o yaml; use text or json"),
            (["diff", "-o", "yaml"], "error: `diff` does not support -o yaml; use text or json"),
            (["ps"], "error: unknown command `ps` (did you mean `sutactl status`?)"),
            (["up"], "error: unknown command `up` (did you mean `sutactl apply`?)"),
            (["rm"], "error: unknown command `rm` (did you mean `sutactl down`?)"),
            (["delete"], "error: unknown command `delete` (did you mean `sutactl down`?)"),
        ]
        for (arguments, message) in cases {
            let outcome = try SutactlRunner.run(arguments)
            XCTAssertEqual(outcome.status, 2, "\(arguments)")
            XCTAssertTrue(outcome.stderr.hasPrefix(message), "\(arguments): \(outcome.stderr)")
        }
    }

    /// Every command's help lists every flag its parser accepts, and nothing it refuses.
    func testHelpOnEveryCommandListsEveryFlagTheParserAccepts() throws {
        let expected: [String: [String]] = [
            "validate": ["-f", "--file", "--engine", "-p", "--profile", "--project", "-o", "--output"],
            "config": ["-f", "--file", "--engine", "-p", "--profile", "--project", "-o", "--output"],
            "apply": ["-f", "--file", "--engine", "-p", "--profile", "--project", "--dry-run", "--prune", "--volumes", "--wait", "--timeout",
                      "--no-wait", "--parallel", "-o", "--output"],
            "diff": ["-f", "--file", "--engine", "-p", "--profile", "--project", "--prune", "--volumes", "-o", "--output"],
            "status": ["-f", "--file", "--engine", "-p", "--profile", "--project", "-o", "--output"],
            "profile": ["-f", "--file", "--project", "--engine", "--wait", "--timeout", "--no-wait", "-o", "--output"],
            "down": ["-f", "--file", "--engine", "--project", "--volumes", "--parallel", "--no-wait", "-y", "--yes"],
            "logs": ["--file", "--project", "-f", "--follow", "--tail"],
            "breakers": ["-f", "--file", "--project", "-o", "--output"],
            "controller": ["-f", "--file", "--engine", "-p", "--profile", "--project", "--resync", "--metrics-port", "--log-format"],
            "version": [], "completion": [], "schema": [],
            "graph": ["-f", "--file", "--engine", "-p", "--profile", "--project", "-o", "--output"],
        ]
        for (command, flags) in expected {
            let outcome = try SutactlRunner.run([command, "--help"])
            XCTAssertEqual(outcome.status, 0, command)
            XCTAssertTrue(outcome.stdout.hasPrefix("Usage: sutactl \(command)"), outcome.stdout)
            // The flag column of the Flags section: each line's text before its description.
            let section = outcome.stdout.components(separatedBy: "\nFlags:\n").last?.components(separatedBy: "\n\n").first ?? ""
            let synopses = section.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: "   ")[0] }
            let shown = Set(synopses.flatMap { $0.split(whereSeparator: { " ,".contains($0) }) }.filter { $0.hasPrefix("-") }.map(String.init))
            XCTAssertEqual(shown, Set(flags + ["-h", "--help"]), "\(command) --help:\n\(outcome.stdout)")
            for flag in flags where flag.hasPrefix("--") {
                // Each flag shown is accepted (a value-taking one complains about its value, not about the flag).
                let parsed = try SutactlRunner.run([command, flag, "--help"])
                XCTAssertFalse(parsed.stderr.contains("unknown flag"), "\(command) \(flag): \(parsed.stderr)")
            }
        }
        XCTAssertEqual(try SutactlRunner.run(["help", "--help"]).stdout, try SutactlRunner.run(["--help"]).stdout)
        let overview = try SutactlRunner.run(["--help"])
        XCTAssertTrue(overview.stdout.contains("validate") && overview.stdout.contains("config"))
        let version = try SutactlRunner.run(["version"])
        XCTAssertEqual(version.stdout, "sutactl 0.1.0 (manifests sutactl/v1)\n")
    }
}
