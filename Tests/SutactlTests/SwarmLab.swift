import Foundation
import SutaTestSupport
import XCTest

/// A 3-node swarm of the test's own (`scripts/swarm-lab.sh` with a directory and namespace
/// prefix of its own), started and removed by the test. Skips without root outside CI.
struct SwarmLab {
    let directory: String
    let name: String
    /// Started and removed through the README's `make swarm-lab` and `make swarm-lab-down`.
    let throughMake: Bool

    /// The manager's `DOCKER_HOST`.
    var host: String { node(1) }
    func node(_ index: Int) -> String { "unix://\(directory)/n\(index)/docker.sock" }

    static func start(throughMake: Bool = false) throws -> SwarmLab {
        guard getuid() == 0 else {
            if ProcessInfo.processInfo.environment["CI"] != nil { throw EngineUnavailable(message: "the swarm lab needs root") }
            throw XCTSkip("the swarm lab needs root (network namespaces and dockerd)")
        }
        let suffix = UUID().uuidString.prefix(4).lowercased().filter(\.isLetter)
        let lab = SwarmLab(directory: "/tmp/stl-\(UUID().uuidString.prefix(6).lowercased())", name: "stl\(suffix)", throughMake: throughMake)
        do {
            let output = try lab.script("up")
            // What the lab prints for the operator: the manager's DOCKER_HOST.
            guard output.contains("DOCKER_HOST=\(lab.host)") else { throw EngineUnavailable(message: "the lab did not print its DOCKER_HOST:\n\(output)") }
        } catch {
            lab.stop()
            throw error
        }
        return lab
    }

    func stop() {
        do { try script("down") } catch { FileHandle.standardError.write(Data("SwarmLab.stop: \(error)\n".utf8)) }
    }

    /// Stops node `index`'s dockerd (its tasks are lost to the swarm).
    func stopNode(_ index: Int) throws {
        let pid = try String(contentsOfFile: "\(directory)/n\(index)/docker.pid", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try run(["/bin/kill", "-TERM", pid])
        for _ in 0..<150 where FileManager.default.fileExists(atPath: "/proc/\(pid)") { usleep(200_000) }
    }

    /// `docker -H NODE ARGS...`: its standard output.
    @discardableResult
    func docker(_ index: Int, _ arguments: String...) throws -> String {
        try run(["/usr/bin/docker", "-H", node(index)] + arguments)
    }

    @discardableResult
    private func script(_ command: String) throws -> String {
        let root = SutactlRunner.repositoryRoot.path
        let arguments = throughMake ? ["/usr/bin/make", "--no-print-directory", "-C", root, command == "up" ? "swarm-lab" : "swarm-lab-down"]
            : ["\(root)/scripts/swarm-lab.sh", command]
        var environment = ProcessInfo.processInfo.environment
        environment["SWARM_LAB_DIR"] = directory
        environment["SWARM_LAB_NAME"] = name
        guard let (status, output) = SwarmLabScript.run(arguments, environment: environment, log: "\(directory).log") else {
            throw EngineUnavailable(message: "posix_spawn failed")
        }
        guard status == 0 else { throw EngineUnavailable(message: "\(arguments.joined(separator: " ")) failed (\(status)):\n\(output)") }
        return output
    }

    private func run(_ words: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: words[0])
        process.arguments = Array(words.dropFirst())
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
