import Foundation
import XCTest

/// A state directory that cannot be written: a file where it should be, a read-only mount, a
/// full file system. `apply` (and `down`) fail with exit 9 and a message naming the directory
/// and the system's reason, before any engine call, so no container is created. The tests
/// run as root, for whom permissions do not count: they use mounts, undone in tearDown.
final class StateDirectoryFaultTests: XCTestCase {
    private var project = ""
    private var mounted: [URL] = []
    private var scratch: ScratchManifests { ScratchManifests(project: project) }

    override func setUp() async throws {
        project = try await EngineHarness.scratchProject("state")
        try scratch.write(ScratchManifests.service("web", "  command: [\"8080\"]\n  stop_grace_period: 1s"))
    }

    override func tearDown() async throws {
        for directory in mounted.reversed() { _ = try? Self.run("/usr/bin/umount", ["-l", directory.path]) }
        await EngineHarness.removeScratch(project)
    }

    private static let hint = "  hint: sutactl keeps the project's lock, audit log and state there: free some space, make it writable, "
        + "or set SUTACTL_STATE_DIR to a writable directory\n"

    func testAFileWhereTheStateDirectoryShouldBeIsAnErrorBeforeTheEngineIsAsked() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: scratch.stateDirectory.path, contents: Data("not a directory\n".utf8)))
        // No engine answers on this socket: were the engine asked first, the exit would be 3.
        let outcome = try scratch.sutactl(["apply", "-f", "manifests"], extra: ["DOCKER_HOST": "unix://\(scratch.directory.path)/none.sock"])
        XCTAssertEqual(outcome.status, 9, outcome.stderr)
        let state = scratch.stateDirectory.path
        XCTAssertEqual(outcome.stderr, "project \(project) (from -f manifests)\n"
            + "error: cannot create the state directory \(state)/projects/\(project) (at \(state)/projects): Not a directory; nothing was changed\n"
            + Self.hint)
        XCTAssertEqual(outcome.stdout, "")
    }

    func testAReadOnlyStateDirectoryIsAnErrorAndNoContainerIsCreated() async throws {
        // Applied before (a lock file is there), then mounted read-only.
        let projectState = scratch.stateDirectory.appendingPathComponent("projects/\(project)")
        try FileManager.default.createDirectory(at: projectState, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: projectState.appendingPathComponent("lock").path, contents: nil))
        try mount(["--bind", scratch.stateDirectory.path, scratch.stateDirectory.path])
        try Self.run("/usr/bin/mount", ["-o", "remount,bind,ro", scratch.stateDirectory.path])

        let outcome = try scratch.sutactl(["apply", "-f", "manifests"])
        XCTAssertEqual(outcome.status, 9, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "project \(project) (from -f manifests)\n"
            + "error: cannot write in the state directory \(scratch.stateDirectory.path): Read-only file system; nothing was changed\n"
            + Self.hint)
        let containers = try await EngineHarness.containers(of: project)
        XCTAssertEqual(containers.map(\.name), [], "nothing reached the engine")
    }

    func testAFullStateDirectoryIsAnErrorAndNoContainerIsCreated() async throws {
        try FileManager.default.createDirectory(at: scratch.stateDirectory, withIntermediateDirectories: true)
        try mount(["-t", "tmpfs", "-o", "size=16k", "tmpfs", scratch.stateDirectory.path])
        try fill(scratch.stateDirectory.appendingPathComponent("filler"))

        let outcome = try scratch.sutactl(["apply", "-f", "manifests"])
        XCTAssertEqual(outcome.status, 9, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "project \(project) (from -f manifests)\n"
            + "error: cannot write in the state directory \(scratch.stateDirectory.path): No space left on device; nothing was changed\n"
            + Self.hint)
        let containers = try await EngineHarness.containers(of: project)
        XCTAssertEqual(containers.map(\.name), [], "nothing reached the engine")
        let networks = try await EngineHarness.client.listNetworks(labelFilters: ["sutactl.project=\(project)"])
        XCTAssertEqual(networks.map(\.name), [])

        let down = try scratch.sutactl(["down", "-f", "manifests"])
        XCTAssertEqual(down.status, 9, down.stderr)
        // Read-only commands write nothing, so they still work.
        let diff = try scratch.sutactl(["diff", "-f", "manifests"])
        XCTAssertEqual(diff.status, 1, diff.stderr)
        XCTAssertTrue(diff.stdout.hasPrefix("create service web (container \(project)-web-1): not found"), diff.stdout)
    }

    /// Mounts (`mount ARGUMENTS`, the last one the mount point) and remembers to unmount.
    private func mount(_ arguments: [String]) throws {
        try Self.run("/usr/bin/mount", arguments)
        mounted.append(URL(fileURLWithPath: arguments.last ?? ""))
    }

    /// Writes zeros to `file` until the file system is full.
    private func fill(_ file: URL) throws {
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        defer { close(descriptor) }
        let block = [UInt8](repeating: 0, count: 1024)
        var total = 0
        while total < 1 << 20, block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 { total += block.count }
        XCTAssertEqual(errno, ENOSPC, "filled \(total) bytes")
    }

    @discardableResult
    private static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw EngineUnavailable(message: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus) (the fault tests run as root)")
        }
        return process.terminationStatus
    }
}
