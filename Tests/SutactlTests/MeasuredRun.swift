import Foundation
import XCTest

/// One run of the built `sutactl` with its peak memory (GNU time's `%M`) and wall time.
/// Measured through `/usr/bin/time`, which forks sutactl from its own small process: a
/// process spawned straight from the test (posix_spawn shares the test's memory until exec)
/// inherits the test process's peak RSS, so `wait4` would report that instead.
struct MeasuredRun {
    var status: Int32
    var stderr: String
    /// The process's peak resident set, in MiB.
    var peakMegabytes: Double
    var seconds: Double

    /// Runs `sutactl ARGUMENTS` in `directory` with only PATH and a private state directory
    /// in its environment.
    static func sutactl(_ arguments: [String], in directory: URL, state: URL) throws -> MeasuredRun {
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("measured-\(UUID().uuidString).err")
        let peak = errors.appendingPathExtension("rss")
        defer { try? FileManager.default.removeItem(at: errors); try? FileManager.default.removeItem(at: peak) }
        let command = "cd '\(directory.path)' && exec /usr/bin/time -f %M -o '\(peak.path)' '\(SutactlRunner.binary.path)' "
            + arguments.map { "'\($0)'" }.joined(separator: " ")
        let words: [String] = ["/bin/sh", "-c", command]
        let variables: [String] = ["PATH=/usr/bin:/bin", "SUTACTL_STATE_DIR=\(state.path)"]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errors.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let start = ContinuousClock.now
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard spawned == 0 else { throw NSError(domain: "posix_spawn", code: Int(spawned)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        // Exited normally: the status is in bits 8-15 (WIFEXITED / WEXITSTATUS).
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
        return MeasuredRun(status: exitStatus, stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? "",
                           peakMegabytes: Double((try? String(contentsOf: peak, encoding: .utf8))?
                               .split(separator: "\n").last.flatMap { Double($0) } ?? .infinity) / 1024,
                           seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
