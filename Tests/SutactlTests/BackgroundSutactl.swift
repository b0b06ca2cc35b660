import Foundation

/// A `sutactl` started in the background for fault tests (killed, run beside another, or
/// left running while its engine stops). Its output goes to files in the project's
/// directory, so nothing blocks on a full pipe and the test can read it at any moment.
final class BackgroundSutactl {
    let process = Process()
    private let stdoutFile: URL
    private let stderrFile: URL

    /// Starts `sutactl ARGUMENTS` in `directory`; `name` tells its output files apart.
    init(_ arguments: [String], environment: [String: String], in directory: URL, name: String) throws {
        stdoutFile = directory.appendingPathComponent("\(name).stdout")
        stderrFile = directory.appendingPathComponent("\(name).stderr")
        for file in [stdoutFile, stderrFile] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
        process.executableURL = SutactlRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var stdout: String { (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }
    /// Complete lines printed on stdout so far (progress lines: one per event off a terminal).
    var stdoutLines: Int { stdout.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }

    /// SIGKILL, as a crash or `kill -9` would end it; true when it was still running.
    @discardableResult
    func kill() -> Bool {
        guard process.isRunning else { return false }
        return Foundation.kill(pid, SIGKILL) == 0
    }

    /// Its exit status once it has exited (128 + the signal when one ended it), or nil when
    /// it is still running after `seconds`.
    func exitStatus(within seconds: Double) async throws -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() > deadline { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Polls `condition` every 20 ms for at most `seconds`; whether it came true.
    static func eventually(_ seconds: Double, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return try await condition()
    }

    deinit {
        if process.isRunning {
            Foundation.kill(pid, SIGKILL)
            process.waitUntilExit()
        }
    }
}
