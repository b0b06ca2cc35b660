#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaErrors

/// Where sutactl keeps per-project state: the active profile and manifest paths, the lock
/// and the audit log. `$SUTACTL_STATE_DIR`, else `$XDG_STATE_HOME/sutactl`, else
/// `~/.local/state/sutactl`; one directory per project beneath it.
public struct StateDirectory: Sendable {
    public var root: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let explicit = environment["SUTACTL_STATE_DIR"], !explicit.isEmpty {
            root = URL(fileURLWithPath: explicit)
        } else if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty {
            root = URL(fileURLWithPath: xdg).appendingPathComponent("sutactl")
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
            root = home.appendingPathComponent(".local/state/sutactl")
        }
    }

    public func project(_ name: String) -> URL { root.appendingPathComponent("projects").appendingPathComponent(name) }

    /// Creates the project's directory (mode 0700: the audit log names what was changed).
    public func ensure(project name: String) throws -> URL {
        let directory = project(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return directory
    }

    /// The project used last, for commands run without `-f`.
    public var currentProject: String? {
        get {
            (try? String(contentsOf: root.appendingPathComponent("current"), encoding: .utf8))?
                .trimmingWhitespace(includingNewlines: true)
        }
    }

    public func setCurrentProject(_ name: String) throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data((name + "\n").utf8).write(to: root.appendingPathComponent("current"), options: .atomic)
    }
}
