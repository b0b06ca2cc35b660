import Foundation
import XCTest

/// `sutactl completion`: bash's completion function, run for real, offers the commands,
/// flags and `-o` values the parser accepts, and the manifests' own service and profile names.
final class CompletionTests: XCTestCase {
    /// COMPREPLY of `_sutactl` for the words typed so far (the last one being completed), in
    /// the repository (its ./manifests and profiles/).
    private func complete(_ words: [String]) throws -> [String] {
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let script = """
        source <(sutactl completion bash)
        COMP_WORDS=(sutactl \(quoted)); COMP_CWORD=\(words.count); COMPREPLY=(); _sutactl
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = SutactlRunner.repositoryRoot
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-completion-state")
        process.environment = ["PATH": SutactlRunner.binary.deletingLastPathComponent().path + ":/usr/bin:/bin", "SUTACTL_STATE_DIR": state.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return text.split(separator: "\n").map(String.init)
    }

    func testCommandsFlagsAndOutputFormatsComeFromTheParsersTable() throws {
        XCTAssertEqual(try complete(["st"]), ["status"])
        XCTAssertEqual(try complete(["co"]), ["config", "convert", "controller", "completion"])
        XCTAssertEqual(try complete(["apply", "--dr"]), ["--dry-run"])
        XCTAssertEqual(try complete(["status", "-o", ""]), ["text", "json"])
        XCTAssertEqual(try complete(["config", "-o", ""]), ["yaml", "json", "manifest"])
        XCTAssertEqual(try complete(["down", "--"]).sorted(), ["--engine", "--file", "--help", "--no-wait", "--parallel", "--project", "--volumes", "--yes"])
        XCTAssertEqual(try complete(["completion", ""]), ["bash", "zsh", "fish"])
        XCTAssertEqual(try complete(["ro"]), ["rollout"])
        XCTAssertEqual(try complete(["rollout", ""]), ["history", "undo"])
        XCTAssertEqual(try complete(["rollout", "undo", "--to"]), ["--to-revision"])
    }

    func testServiceAndProfileNamesComeFromTheManifests() throws {
        XCTAssertEqual(try complete(["validate", "-f", "manifests/", "-p", ""]), ["default", "full", "minimal", "security"])
        XCTAssertEqual(try complete(["profile", "-f", "examples/hello/manifests/", "d"]), ["dev"])
        XCTAssertEqual(try complete(["logs", "--file", "examples/hello/manifests/", ""]), ["cache", "web"])
        XCTAssertEqual(try complete(["logs", "-f", "--file", "examples/hello/manifests/", "w"]), ["web"], "-f is --follow for logs")
        XCTAssertEqual(try complete(["logs", "-f", "postg"]), ["postgres", "postgres-exporter"], "./manifests here; -f takes no value")
        XCTAssertEqual(try complete(["rollout", "history", "-f", "examples/hello/manifests/", ""]), ["cache", "web"])
    }

    func testZshAndFishScriptsAreGeneratedFromTheSameTable() throws {
        let zsh = try SutactlRunner.run(["completion", "zsh"])
        XCTAssertTrue(zsh.stdout.hasPrefix("#compdef sutactl\n"))
        let fish = try SutactlRunner.run(["completion", "fish"])
        XCTAssertTrue(fish.stdout.contains("complete -c sutactl -n '__fish_seen_subcommand_from apply' -l dry-run"), fish.stdout)
        XCTAssertTrue(fish.stdout.contains("-a '(sutactl __complete services)'"))
        XCTAssertTrue(fish.stdout.contains("complete -c sutactl -n '__fish_seen_subcommand_from rollout' -a 'history undo'"), fish.stdout)
        XCTAssertEqual(try SutactlRunner.run(["completion", "tcsh"]).status, 2)
    }
}
