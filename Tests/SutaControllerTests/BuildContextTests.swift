import SutaErrors
import Foundation
import SutaModel
import SutaYAML
import XCTest
@testable import SutaController

/// A build context read from disk: its digest follows what is sent (not what .dockerignore
/// leaves out, nor modification times), and its archive is a tar `tar` reads back.
final class BuildContextTests: XCTestCase {
    private var directory = ""

    override func setUp() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bld-context-\(UUID().uuidString.prefix(8))").path
        try write("Dockerfile", "FROM sutactl-standin:1\nCOPY . /app\n")
        try write("app/main.sh", "echo hi\n")
        try write("notes/todo.md", "later\n")
        try write("notes/KEEP.md", "kept\n")
        try write(".dockerignore", "notes\n!notes/KEEP.md\n**/*.tmp\nDockerfile\n")
    }

    override func tearDown() async throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: directory + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    private var spec: BuildSpec { BuildSpec(context: directory, location: SourceLocation(file: "m.yaml", line: 7, column: 3)) }

    private func digest() throws -> String { try BuildContext.read(spec, service: "web").digest() }

    func testTheContextIsWhatDockerignoreLeavesInWithTheDockerfileAlwaysSent() throws {
        try write("app/cache/x.tmp", "junk")
        let paths = try BuildContext.read(spec, service: "web").entries.map(\.path)
        XCTAssertEqual(paths, [".dockerignore", "Dockerfile", "app", "app/cache", "app/main.sh", "notes/KEEP.md"])
    }

    func testOnlyChangesToWhatIsSentChangeTheDigest() throws {
        let first = try digest()
        try write("notes/todo.md", "much later\n")
        try write("app/x.tmp", "junk")
        XCTAssertEqual(try digest(), first, "ignored files")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1000)], ofItemAtPath: directory + "/app/main.sh")
        XCTAssertEqual(try digest(), first, "modification times")
        try write("notes/KEEP.md", "changed\n")
        let kept = try digest()
        XCTAssertNotEqual(kept, first, "a file an exception takes back")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory + "/app/main.sh")
        XCTAssertNotEqual(try digest(), kept, "permissions")
    }

    func testTheArchiveListsTheContext() throws {
        let long = String(repeating: "d", count: 90) + "/" + String(repeating: "f", count: 90) + ".sh"
        try write(long, "x")
        try write(String(repeating: "n", count: 120) + ".txt", "pax")
        try FileManager.default.createSymbolicLink(atPath: directory + "/app/link", withDestinationPath: "main.sh")
        let archive = directory + ".tar"
        defer { try? FileManager.default.removeItem(atPath: archive) }
        try Data(try BuildContext.read(spec, service: "web").archive()).write(to: URL(fileURLWithPath: archive))
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-tvf", archive]
        let out = Pipe()
        tar.standardOutput = out
        try tar.run()
        let listing = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        tar.waitUntilExit()
        XCTAssertEqual(tar.terminationStatus, 0, listing)
        let names = listing.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst(5).joined(separator: " ") }
        XCTAssertEqual(names, [".dockerignore", "Dockerfile", "app/", "app/link -> main.sh", "app/main.sh", String(repeating: "d", count: 90) + "/",
                               long, String(repeating: "n", count: 120) + ".txt", "notes/KEEP.md"])
        XCTAssertTrue(listing.contains("0/0"), listing)
    }

    func testAMissingDockerfileOrContextIsAnErrorAtTheBuildField() throws {
        try FileManager.default.removeItem(atPath: directory + "/Dockerfile")
        XCTAssertThrowsError(try digest()) { error in
            XCTAssertEqual((error as? SutaError)?.report,
                           "m.yaml:7:3: error: Dockerfile `Dockerfile` of service `web` is not in its build context `\(directory)`")
        }
        var missing = spec
        missing.context = directory + "/nowhere"
        XCTAssertThrowsError(try BuildContext.read(missing, service: "web")) { error in
            XCTAssertEqual((error as? SutaError)?.report,
                           "m.yaml:7:3: error: build context `\(directory)/nowhere` of service `web` is not a directory")
        }
    }
}
