import Foundation
import XCTest

/// Hostile input through the built binary: each refused with one positioned message and
/// exit status 1, without reading an oversized input into memory, within 100 MB.
final class HostileInputTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("state"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private static let service = Array("apiVersion: sutactl/v1\nkind: Service\nmetadata: {name: web}\nspec:\n  image: ".utf8)

    /// Writes `files` (name to bytes) into a new directory `name` under the test's root.
    private func write(_ name: String, _ files: [String: [UInt8]]) throws {
        let directory = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (file, bytes) in files { try Data(bytes).write(to: directory.appendingPathComponent(file)) }
    }

    /// A file of `size` bytes that takes no disk space (and reads as NUL bytes).
    private func sparse(_ path: String, size: Int) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    /// `validate -f NAME` must exit 1 printing exactly `message` and the one-error summary,
    /// within 100 MB of peak memory (and a generous bound on time).
    private func assertRefused(_ name: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try MeasuredRun.sutactl(["validate", "-f", name], in: root, state: root.appendingPathComponent("state"))
        XCTAssertEqual(run.status, 1, run.stderr, file: file, line: line)
        XCTAssertEqual(run.stderr, message + "\n1 error, 0 warnings\n", file: file, line: line)
        XCTAssertLessThan(run.peakMegabytes, 100, "peak memory of `validate -f \(name)`", file: file, line: line)
        XCTAssertLessThan(run.seconds, 30, "time of `validate -f \(name)`", file: file, line: line)
    }

    func testOversizedFilesAreRefusedBeforeTheyAreRead() throws {
        // Ten 60 MB files: refused from their sizes (they are sparse, and never read).
        for index in 0..<10 { try sparse("ten-files/f\(index).yaml", size: 60_000_000) }
        try assertRefused("ten-files", "ten-files/f0.yaml:1:1: error: file is 60,000,000 bytes, more than the limit of 8 MiB\n"
            + "  hint: keep large content out of manifests")
        // Nine files within the limit for one file, more than 64 MiB together.
        for index in 0..<9 { try sparse("nine-files/f\(index).yaml", size: 8_000_000) }
        try assertRefused("nine-files", "nine-files/f8.yaml:1:1: error: the manifests are more than 64 MiB in all: with this file they are "
            + "72,000,000 bytes\n  hint: the limit is for all manifest files and the .env file together")
        // The .env file counts too.
        try sparse("big-env/manifests/.env", size: 9_000_000)
        try write("big-env/manifests", ["service.yaml": Self.service + Array("busybox:1.36\n".utf8)])
        try assertRefused("big-env/manifests", "big-env/manifests/.env:1:1: error: file is 9,000,000 bytes, more than the limit of 8 MiB\n"
            + "  hint: keep large content out of variables")
    }

    func testTooManyFilesAreRefusedBeforeAnyIsRead() throws {
        let volume = Array("apiVersion: sutactl/v1\nkind: Volume\nmetadata: {name: v}\n".utf8)
        try write("many", Dictionary(uniqueKeysWithValues: (0..<1001).map { (String(format: "v%04d.yaml", $0), volume) }))
        try assertRefused("many", "many/v1000.yaml:1:1: error: more than 1000 manifest files\n"
            + "  hint: the limit is 1000 files per load; give -f the manifest directory itself, not a parent of it")
    }

    func testSomethingOtherThanAFileIsNotRead() throws {
        try write("fifo", ["a.yaml": Self.service + Array("busybox:1.36\n".utf8)])
        XCTAssertEqual(mkfifo(root.appendingPathComponent("fifo/b.yaml").path, 0o644), 0)
        let run = try MeasuredRun.sutactl(["validate", "-f", "fifo"], in: root, state: root.appendingPathComponent("state"))
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "error: fifo/b.yaml: not a regular file\n")
        let device = try MeasuredRun.sutactl(["validate", "-f", "/dev/zero"], in: root, state: root.appendingPathComponent("state"))
        XCTAssertEqual(device.status, 2)
        XCTAssertEqual(device.stderr, "error: /dev/zero: not a regular file\n")
    }

    func testHugeScalarIsStoppedEarly() throws {
        // A 7 MB image name in a file within the size limit.
        try write("huge-image", ["service.yaml": Self.service + [UInt8](repeating: UInt8(ascii: "a"), count: 7_000_000) + [0x0A]])
        try assertRefused("huge-image", "huge-image/service.yaml:5:10: error: scalar is longer than the limit of 1 MiB\n"
            + "  hint: keep large content out of manifests (a file mounted with `volumes`, for example)")
    }

    func testNodeBombsStopAtTheLimits() throws {
        // A billion laughs under `command`.
        var laughs = "apiVersion: sutactl/v1\nkind: Service\nmetadata: {name: web}\nspec:\n  image: busybox:1.36\n"
            + "  labels: {l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]}\n"
        for level in 1...9 {
            laughs += "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        try write("laughs", ["service.yaml": Array(laughs.utf8)])
        try assertRefused("laughs", "laughs/service.yaml:11:37: error: document expands to more than 700000 nodes (alias bomb?)\n"
            + "  hint: the limit counts keys and every copy an alias makes")
        // 800,000 nodes of valid services (20 per file, each with 9,999 variables) over two files.
        let environment = Array((0..<9_999).map { "      K\($0): v\n" }.joined().utf8)
        for file in 0..<2 {
            var bytes: [UInt8] = []
            for index in 0..<20 {
                bytes += Array("---\napiVersion: sutactl/v1\nkind: Service\nmetadata: {name: web\(file)-\(index)}\nspec:\n  image: busybox:1.36\n".utf8)
                bytes += Array("  environment:\n".utf8) + environment
            }
            try write("services", ["f\(file).yaml": bytes])
        }
        try assertRefused("services", "services/f1.yaml:62050:14: error: this file and the ones before it expand to more than 40 MiB once parsed "
            + "(alias bomb?)\n  hint: the limit estimates the memory of nodes and their text, every copy an alias makes included")
        // A list of a million items is refused at its start.
        try write("long-list", ["service.yaml": Self.service + Array("busybox:1.36\n  command: [".utf8)
            + Array([[UInt8]](repeating: Array("x,".utf8), count: 1_000_000).joined()) + Array("x]\n".utf8)])
        try assertRefused("long-list", "long-list/service.yaml:6:12: error: list has more than 10000 items\n"
            + "  hint: the limit is 10000 per list or mapping")
        // Twenty thousand documents.
        let document = Array("---\napiVersion: sutactl/v1\nkind: Volume\nmetadata: {name: v}\n".utf8)
        try write("documents", ["volumes.yaml": Array([[UInt8]](repeating: document, count: 20_000).joined())])
        try assertRefused("documents", "documents/volumes.yaml:40001:1: error: file has more than 10000 documents\n"
            + "  hint: the limit is 10000 documents in all manifest files")
    }

    func testMalformedDotEnvFailsTheLoad() throws {
        let fixtures = try SutactlRunner.fixtures
        let outcome = try SutactlRunner.run(["validate", "-f", "env-broken/manifests"], environment: [:], in: fixtures)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, """
            env-broken/manifests/.env:2:7: error: unterminated quote in the value of `IMAGE`
              hint: close it with " on the same line; values do not span lines
            1 error, 0 warnings

            """)
        XCTAssertFalse(outcome.stderr.contains("not-shown-anywhere"))
        // `apply` stops there too, before it talks to any engine.
        let apply = try SutactlRunner.run(["apply", "-f", "env-broken/manifests"],
                                          environment: ["DOCKER_HOST": "unix:///nonexistent/docker.sock"], in: fixtures)
        XCTAssertEqual(apply.status, 1, apply.stderr)
        XCTAssertTrue(apply.stderr.hasPrefix("env-broken/manifests/.env:2:7: error: unterminated quote in the value of `IMAGE`"), apply.stderr)
    }
}
