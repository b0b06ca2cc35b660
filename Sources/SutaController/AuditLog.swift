#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc

/// Appends one JSON line per mutating action to `audit.log` in the project's state
/// directory: time, user, action, object, cause, result. Never secrets: entries name
/// objects, never their configuration.
public struct AuditLog: Sendable {
    public let file: URL
    private let user: String

    public init(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        file = directory.appendingPathComponent("audit.log")
        user = environment["SUDO_USER"] ?? environment["USER"] ?? String(getuid())
    }

    public func record(action: String, object: String, cause: String, result: String, error: String? = nil) {
        var entry: [String: String] = [
            "time": Date().formatted(.iso8601), "user": user, "action": action,
            "object": object, "cause": cause, "result": result,
        ]
        entry["error"] = error
        guard var line = try? Self.encoder.encode(entry) else { return }
        line.append(UInt8(ascii: "\n"))
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        // O_APPEND keeps concurrent writers' lines whole.
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// One line of JSON with sorted keys, escaped as `JSONSerialization` escaped it (`\/`).
    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
