import Foundation
import XCTest

/// Debian's `docker-compose` (1.29, installed by scripts/install-deps.sh) and the `docker`
/// command, for tests that compare what they create with what sutactl creates.
enum ComposeTool {
    static let composePath = "/usr/bin/docker-compose"

    /// Throws XCTSkip when docker-compose or docker is missing outside CI; fails under CI=true.
    static func require() throws {
        for tool in [composePath, dockerPath] where !FileManager.default.isExecutableFile(atPath: tool) {
            let message = "compose equivalence tests need \(tool) (scripts/install-deps.sh installs docker-compose)"
            if ProcessInfo.processInfo.environment["CI"] != nil { throw EngineUnavailable(message: message) }
            throw XCTSkip(message)
        }
    }

    static var dockerPath: String {
        ["/usr/bin/docker", "/usr/local/bin/docker"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/docker"
    }

    /// Runs a tool in `directory`; stdout and stderr together in `output`.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ["PATH": "/usr/bin:/bin:/usr/local/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `docker inspect` of the containers with `label`, keyed by the value of `serviceLabel`.
    static func inspect(label: String, serviceLabel: String) throws -> [String: [String: Any]] {
        let ids = try run(dockerPath, ["ps", "-aq", "--filter", "label=\(label)"], in: URL(fileURLWithPath: "/"))
            .output.split(separator: "\n").map(String.init)
        guard !ids.isEmpty else { return [:] }
        let text = try run(dockerPath, ["inspect"] + ids, in: URL(fileURLWithPath: "/")).output
        let containers = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        var result: [String: [String: Any]] = [:]
        for container in containers {
            let labels = (container["Config"] as? [String: Any])?["Labels"] as? [String: String] ?? [:]
            result[labels[serviceLabel] ?? "?"] = container
        }
        return result
    }

    /// The fields both tools set, in a form that does not depend on the tool: the project
    /// prefix of volume names dropped, an empty host address as 0.0.0.0, `no-new-privileges:true`
    /// as `=true`, an empty restart policy as `no`, and the labels each tool adds for itself left out.
    static func comparable(_ container: [String: Any], project: String) -> [String: String] {
        let config = container["Config"] as? [String: Any] ?? [:]
        let host = container["HostConfig"] as? [String: Any] ?? [:]
        func text(_ value: Any?) -> String {
            guard let value, !(value is NSNull),
                  let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]) else { return "null" }
            return String(decoding: data, as: UTF8.self)
        }
        let ports = (host["PortBindings"] as? [String: [[String: String]]] ?? [:]).mapValues { bindings in
            bindings.map { ["HostIp": ($0["HostIp"] ?? "").isEmpty ? "0.0.0.0" : $0["HostIp"]!, "HostPort": $0["HostPort"] ?? ""] }
        }
        let mounts = (container["Mounts"] as? [[String: Any]] ?? []).map { mount -> String in
            let type = mount["Type"] as? String ?? ""
            var source = (type == "volume" ? mount["Name"] : mount["Source"]) as? String ?? ""
            if type == "volume", source.hasPrefix(project + "_") { source = String(source.dropFirst(project.count + 1)) }
            return "\(type) \(source) -> \(mount["Destination"] as? String ?? "") rw=\(mount["RW"] as? Bool ?? false)"
        }.sorted()
        // No policy given: docker-compose sends an empty name, sutactl `no`; the engine reads both as no.
        var restart = host["RestartPolicy"] as? [String: Any] ?? [:]
        if restart["Name"] as? String == "" { restart["Name"] = "no" }
        let labels = (config["Labels"] as? [String: String] ?? [:]).filter { !$0.key.hasPrefix("com.docker.compose.") && !$0.key.hasPrefix("sutactl.") }
        return [
            "image": text(config["Image"]), "command": text(config["Cmd"]), "entrypoint": text(config["Entrypoint"]),
            "env": text((config["Env"] as? [String] ?? []).sorted()), "user": text(config["User"]),
            "working_dir": text(config["WorkingDir"]), "healthcheck": text(config["Healthcheck"]),
            "stop_signal": text(config["StopSignal"]), "stop_timeout": text(config["StopTimeout"]),
            "ports": text(ports), "mounts": text(mounts), "tmpfs": text(host["Tmpfs"]),
            "memory": text(host["Memory"]), "nano_cpus": text(host["NanoCpus"]), "pids": text(host["PidsLimit"]),
            "restart": text(restart), "cap_add": text(host["CapAdd"]), "cap_drop": text(host["CapDrop"]),
            "security_opt": text((host["SecurityOpt"] as? [String] ?? []).map { $0.replacingOccurrences(of: "no-new-privileges:", with: "no-new-privileges=") }),
            "read_only": text(host["ReadonlyRootfs"]), "labels": text(labels),
        ]
    }
}
