#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc

/// The controller's log lines on standard output: text (`time message`) or one JSON
/// object per line (`--log-format json`).
public struct ControllerLog: Sendable {
    public var json: Bool

    public init(json: Bool) {
        self.json = json
    }

    public func info(_ message: String, _ fields: [String: String] = [:]) { write("info", message, fields) }
    public func error(_ message: String, _ fields: [String: String] = [:]) { write("error", message, fields) }

    private func write(_ level: String, _ message: String, _ fields: [String: String]) {
        let time = Date().formatted(.iso8601)
        let line: String
        if json {
            var object = fields
            object["time"] = time
            object["level"] = level
            object["msg"] = message
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = (try? encoder.encode(object)) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        } else {
            let extra = fields.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
            line = "\(time) \(level == "error" ? "error: " : "")\(message)\(extra)"
        }
        DescriptorOutput.write(line + "\n", to: STDOUT_FILENO)
    }
}
