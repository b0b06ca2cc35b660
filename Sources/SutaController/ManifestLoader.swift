import Foundation
import SutaModel

/// Reads manifests from disk: the files under `-f` paths, the profile directories beside
/// them, the `.env` file and the process environment. The only file I/O of a config load.
public struct ManifestLoader: Sendable {
    public var paths: [String]
    public var profiles: [String]
    public var environment: [String: String]
    /// Overrides the Project document's name (`--project`).
    public var projectName: String?
    /// Read-only commands: unset secrets are warnings and placeholders, not errors.
    public var allowsUnsetSecrets: Bool

    public init(paths: [String], profiles: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                projectName: String? = nil, allowsUnsetSecrets: Bool = false) {
        self.paths = paths
        self.profiles = profiles
        self.environment = environment
        self.projectName = projectName
        self.allowsUnsetSecrets = allowsUnsetSecrets
    }

    /// Loads, resolves and checks the manifests. Throws only for files that cannot be read.
    public func load() throws(LoadError) -> ConfigResolution {
        var files = try ManifestLoader.yamlFiles(under: paths)
        files = files.enumerated().filter { files.firstIndex(of: $0.element) == $0.offset }.map(\.element)
        for directory in profileDirectories() where !files.contains(where: { $0.hasPrefix(PathText.directory(directory)) }) {
            files += try ManifestLoader.yamlFiles(under: [directory])
        }
        var manifests = try files.map(ManifestLoader.read)
        var resolver = ConfigResolver(variables: variables(), profiles: profiles, defaultProjectName: defaultProjectName(),
                                      workingDirectory: FileManager.default.currentDirectoryPath)
        resolver.projectName = projectName
        resolver.allowsUnsetSecrets = allowsUnsetSecrets
        // The engine is local (a Unix socket): its host is this one.
        resolver.hostCPUCount = ProcessInfo.processInfo.activeProcessorCount
        var resolution = resolver.resolve(manifests)
        // A Project may name another profile directory; read it and resolve again.
        if let extra = resolution.project.profilesDirectory, FileManager.default.fileExists(atPath: extra),
           !files.contains(where: { $0.hasPrefix(PathText.directory(extra)) }) {
            manifests += try ManifestLoader.yamlFiles(under: [extra]).map(ManifestLoader.read)
            resolution = resolver.resolve(manifests)
        }
        return resolution
    }

    /// `profiles/` beside each directory given (and beside each file's directory).
    func profileDirectories() -> [String] {
        var result: [String] = []
        for path in paths {
            let directory = ManifestLoader.isDirectory(path) ? path : (path as NSString).deletingLastPathComponent
            let base = directory.isEmpty ? "." : directory
            for candidate in [(base as NSString).appendingPathComponent("../profiles"), (base as NSString).appendingPathComponent("profiles")] {
                let normalized = PathText.normalize(candidate)
                if ManifestLoader.isDirectory(normalized), !result.contains(normalized), normalized != PathText.normalize(path) {
                    result.append(normalized)
                }
            }
        }
        return result
    }

    /// The process environment over the `.env` file in the first directory given.
    func variables() -> [String: String] {
        guard let first = paths.first else { return environment }
        let directory = ManifestLoader.isDirectory(first) ? first : (first as NSString).deletingLastPathComponent
        let file = ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(".env")
        guard let data = FileManager.default.contents(atPath: file) else { return environment }
        return DotEnvParser.parse(String(decoding: data, as: UTF8.self)).merging(environment) { _, process in process }
    }

    /// The name of the directory holding the manifests, made a valid project name.
    func defaultProjectName() -> String {
        let first = paths.first ?? "."
        let directory = ManifestLoader.isDirectory(first) ? first : (first as NSString).deletingLastPathComponent
        let absolute = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.lastPathComponent
        let cleaned = absolute.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }
        return cleaned.isEmpty ? "default" : String(cleaned)
    }

    /// Every `*.yaml` / `*.yml` file under the paths, directories recursively, in sorted order.
    static func yamlFiles(under paths: [String]) throws(LoadError) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LoadError(message: "\(path): no such file or directory")
            }
            guard isDirectory.boolValue else {
                result.append(PathText.normalize(path))
                continue
            }
            guard let enumerator = FileManager.default.enumerator(atPath: path) else {
                throw LoadError(message: "\(path): cannot read directory")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                    found.append(PathText.normalize(path + "/" + relative))
                }
            }
            guard !found.isEmpty else { throw LoadError(message: "\(path): no *.yaml or *.yml files") }
            result += found.sorted()
        }
        return result
    }

    static func read(_ path: String) throws(LoadError) -> ManifestFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(message: "\(path): cannot read file")
        }
        return ManifestFile(path: path, bytes: [UInt8](data))
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
