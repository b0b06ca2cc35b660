import Foundation
import XCTest

/// One run of the built `sutactl` with its peak memory and wall time, from `wait4`'s
/// resource usage of that process alone (Foundation's Process reaps the child itself, so it
/// cannot report them).
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
        defer { try? FileManager.default.removeItem(at: errors) }
        // The shell only changes directory: `exec` makes sutactl the process that is measured.
        let command = "cd '\(directory.path)' && exec '\(SutactlRunner.binary.path)' " + arguments.map { "'\($0)'" }.joined(separator: " ")
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
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        // Exited normally: the status is in bits 8-15 (WIFEXITED / WEXITSTATUS).
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : -1
        return MeasuredRun(status: exitStatus, stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? "",
                           peakMegabytes: Double(usage.ru_maxrss) / 1024,
                           seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
