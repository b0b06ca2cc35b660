import Foundation
import SutaClients

/// A dockerd of the test's own (`scripts/test-engine.sh`), with its socket, data root, exec
/// root and pidfile in a temporary directory and the `sutactl-standin:1` image copied in,
/// for tests that stop or restart an engine: they never do that to the machine's engine.
struct PrivateEngine: Sendable {
    /// Everything the engine keeps: removed by ``stop()``, kept by ``restart()``.
    let directory: URL
    /// Where the script's one-line report of the last command goes (beside `directory`).
    let report: URL

    /// `DOCKER_HOST` for a process that should use this engine.
    var host: String { "unix://\(directory.appendingPathComponent("docker.sock").path)" }
    var client: DockerClient { get throws { try DockerClient.fromEnvironment(["DOCKER_HOST": host]) } }

    /// Starts a new engine; when it fails to come up, whatever was started is removed again.
    static func start() throws -> PrivateEngine {
        // Short: Unix socket paths beneath it must stay under 108 bytes.
        let name = "sutactl-engine-\(UUID().uuidString.prefix(8).lowercased())"
        let directory = URL(fileURLWithPath: "/tmp").appendingPathComponent(name)
        let engine = PrivateEngine(directory: directory, report: directory.appendingPathExtension("log"))
        do {
            try engine.script("start")
        } catch {
            engine.stop()
            throw error
        }
        return engine
    }

    /// Stops the engine and starts it again on the same data root (containers, images and
    /// networks are kept; running containers are stopped).
    func restart() throws {
        try script("restart")
    }

    /// Stops the engine and keeps its data root (containers, images and networks) for
    /// ``startAgain()``: a gap in which nothing answers on its socket.
    func stopKeepingData() throws {
        try script("stop", "--keep")
    }

    /// Starts the engine again on the data root ``stopKeepingData()`` kept.
    func startAgain() throws {
        try script("start")
    }

    /// Stops the engine, waits for it to exit and removes its directory; never throws, so
    /// that tearDown can always call it.
    func stop() {
        do {
            try script("stop")
        } catch {
            FileHandle.standardError.write(Data("PrivateEngine.stop: \(error)\n".utf8))
        }
        try? FileManager.default.removeItem(at: report)
    }

    /// Runs `scripts/test-engine.sh COMMAND DIR [FLAGS]` with posix_spawn and waitpid (Foundation's
    /// Process can miss the exit of a shell whose background grandchild, dockerd, lives on),
    /// stdin from /dev/null, stdout and stderr to ``report``.
    private func script(_ command: String, _ flags: String...) throws {
        let script = SutactlRunner.repositoryRoot.appendingPathComponent("scripts/test-engine.sh").path
        let words = ["/bin/bash", script, command, directory.path] + flags
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, report.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, nil, argv, environ)
        guard spawned == 0 else { throw EngineUnavailable(message: "test-engine.sh \(command): posix_spawn failed (\(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw EngineUnavailable(message: "test-engine.sh \(command) \(directory.path) failed (wait status \(status)):\n\(output)")
        }
    }
}
