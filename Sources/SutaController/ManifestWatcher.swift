#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel

/// Notices edits to the manifests by polling modification times (and the set of files)
/// under the given paths.
public struct ManifestWatcher: Sendable {
    public var paths: [String]
    private var stamps: [String: Date] = [:]

    public init(paths: [String]) {
        self.paths = paths
        stamps = ManifestWatcher.scan(paths)
    }

    /// True when a file changed, appeared or disappeared since the last call.
    public mutating func changed() -> Bool {
        let now = ManifestWatcher.scan(paths)
        defer { stamps = now }
        return now != stamps
    }

    private static func scan(_ paths: [String]) -> [String: Date] {
        var result: [String: Date] = [:]
        for path in paths {
            var files = [path]
            var relatives: [String] = []
            if DirectoryWalk.walk(path, { relative, _ in relatives.append(relative); return true }) {
                files = relatives.map { PathText.appending($0, to: path) }
            }
            for file in files where file.hasSuffix(".yaml") || file.hasSuffix(".yml") || file.hasSuffix(".env") {
                result[file] = (try? FileManager.default.attributesOfItem(atPath: file)[.modificationDate]) as? Date ?? .distantPast
            }
        }
        return result
    }
}
