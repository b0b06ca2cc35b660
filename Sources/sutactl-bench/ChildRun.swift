import Foundation
import SutaModel
import SutaTestSupport

/// One run of a tool under test (sutactl or docker-compose) as a child process, under
/// `timeout` (the whole process group is killed at the limit, so a hung tool never stalls the
/// benchmark) and GNU `time` (the tool's own peak RSS: `time` forks it fresh, so the figure is
/// not the benchmark's memory). Its output goes to a file, kept for the table's notes.
final class ChildRun: Sendable {
    /// How a finished run ended.
    struct Outcome {
        /// Wall time from launch to exit.
        var seconds: Double
        /// The tool's exit status; nil when it ran out of time.
        var status: Int32?
        var peakMegabytes: Double?
        /// stdout and stderr together.
        var output: String
        var timedOut: Bool { status == nil }
        /// The output's last line that is not blank, at most 200 characters (for the tables' notes).
        var lastLine: String {
            String(output.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "").prefix(200).description
        }
    }

    let start: ContinuousClock.Instant
    private let process: Process
    private let ended = SharedValue<ContinuousClock.Instant?>(nil)
    private let outputFile: URL
    private let rssFile: URL

    /// Launches `arguments` (the tool first) in `directory` with `environment`, killed after `limit`.
    init(_ arguments: [String], in directory: URL, environment: [String: String], limit: Duration) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("sutactl-bench-run-\(UUID().uuidString)")
        outputFile = scratch.appendingPathExtension("out")
        rssFile = scratch.appendingPathExtension("rss")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["-k", "5", String(limit.components.seconds), "/usr/bin/time", "-f", "%M", "-o", rssFile.path] + arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        let ended = self.ended
        process.terminationHandler = { _ in ended.withLock { $0 = ContinuousClock.now } }
        start = ContinuousClock.now
        try process.run()
        try output.close()
    }

    /// Whether the child is still running.
    var running: Bool { ended.value == nil }

    /// Whether the child has ended with a status other than 0.
    var failed: Bool { ended.value != nil && process.terminationStatus != 0 }

    /// Waits for the child to end (the limit bounds this) and reads what it left.
    func finish() async -> Outcome {
        var end = ended.value
        while end == nil {
            try? await Task.sleep(for: .milliseconds(2))
            end = ended.value
        }
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: rssFile)
        }
        let status = process.terminationStatus
        // `time -f %M` writes the peak in KiB on its last line (after a note when the tool failed).
        let rss = (try? String(contentsOf: rssFile, encoding: .utf8))?.split(separator: "\n").last.flatMap { Double($0) }
        return Outcome(seconds: (end! - start).inSeconds, status: status == 124 || status == 137 ? nil : status,
                       peakMegabytes: rss.map { $0 / 1024 }, output: (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "")
    }
}
