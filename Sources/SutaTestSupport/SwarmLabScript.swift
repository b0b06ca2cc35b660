import Foundation
import Glibc

/// Runs `scripts/swarm-lab.sh` (or its make targets) for a lab of its own (the tests' and the swarm benchmark's).
/// Spawned directly, not through `Process`: the dockerds the script leaves running would
/// inherit the descriptor through which Foundation learns that a child ended, and it would
/// never learn it.
public enum SwarmLabScript {
    /// Runs `arguments` (`scripts/swarm-lab.sh up`, or `make swarm-lab`; at most 180 s) with
    /// `environment` (SWARM_LAB_DIR, SWARM_LAB_NAME and the like set), its output in the file
    /// `log` while it runs; the wait status and the output, nil when it could not be started.
    public static func run(_ arguments: [String], environment: [String: String], log: String) -> (status: Int32, output: String)? {
        let words = ["/bin/bash", "-c", "log=\"$1\"; shift; exec timeout -k 5 180 \"$@\" >\"$log\" 2>&1 </dev/null", "bash", log] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/bash", nil, nil, argv, envp) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        defer { try? FileManager.default.removeItem(atPath: log) }
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }
}
