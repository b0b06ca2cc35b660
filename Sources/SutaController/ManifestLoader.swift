#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel
import SutaYAML

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
    /// Bounds on the files read and on what they may hold.
    public var limits = LoadLimits.default
    /// Service documents held in memory that take the place of the manifests' ones of the same
    /// name (``ConfigResolver/pinnedServices``): the revision `rollout undo` goes back to.
    public var pinnedServices: [ManifestFile] = []

    public init(paths: [String], profiles: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                projectName: String? = nil, allowsUnsetSecrets: Bool = false) {
        self.paths = paths
        self.profiles = profiles
        self.environment = environment
        self.projectName = projectName
        self.allowsUnsetSecrets = allowsUnsetSecrets
    }

    /// Loads, resolves and checks the manifests. Throws only for paths that cannot be read;
    /// input over `limits` and a malformed `.env` are diagnostics of a failed resolution.
    public func load() throws(LoadError) -> ConfigResolution {
        var files = try ManifestLoader.yamlFiles(under: paths, stopAfter: limits.maxFiles)
        files = files.enumerated().filter { files.firstIndex(of: $0.element) == $0.offset }.map(\.element)
        for directory in profileDirectories() where !files.contains(where: { $0.hasPrefix(PathText.directory(directory)) }) {
            files += try ManifestLoader.yamlFiles(under: [directory], stopAfter: limits.maxFiles)
        }
        var resolver = ConfigResolver(variables: environment, profiles: profiles, defaultProjectName: defaultProjectName(),
                                      workingDirectory: FileManager.default.currentDirectoryPath, yamlLimits: limits.yaml)
        resolver.projectName = projectName
        resolver.allowsUnsetSecrets = allowsUnsetSecrets
        resolver.engineMode = environment[EngineModeOverride.variable].flatMap(EngineMode.init(rawValue:))
        // The engine is local (a Unix socket): its host is this one.
        resolver.hostCPUCount = ProcessInfo.processInfo.activeProcessorCount
        var usage = YAMLUsage()
        resolver.pinnedServices = pinnedServices.map { ParsedManifest.parse($0, limits: limits.yaml, usage: &usage) }
        let dotEnv = dotEnvPath()
        if let refusal = try refusal(files: files, dotEnv: dotEnv) { return resolver.resolve(parsed: [], problems: [refusal]) }
        if let dotEnv {
            let parsed = DotEnvParser.parse(try BoundedFileReader.read(dotEnv, maxBytes: limits.yaml.maxBytes), path: dotEnv,
                                            maxValueBytes: limits.yaml.maxScalarBytes)
            // A broken .env would make every use of its variables a second, misleading error.
            guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else {
                return resolver.resolve(parsed: [], problems: parsed.diagnostics)
            }
            resolver.variables = parsed.variables.merging(environment) { _, process in process }
        }
        var resolution = resolver.resolve(parsed: try parse(files))
        // A Project may name another profile directory; read it and resolve again.
        if let extra = resolution.project.profilesDirectory, FileManager.default.fileExists(atPath: extra),
           !files.contains(where: { $0.hasPrefix(PathText.directory(extra)) }) {
            files += try ManifestLoader.yamlFiles(under: [extra], stopAfter: limits.maxFiles)
            if let refusal = try refusal(files: files, dotEnv: dotEnv) { return resolver.resolve(parsed: [], problems: [refusal]) }
            resolution = resolver.resolve(parsed: try parse(files))
        }
        return resolution
    }

    /// The process environment over the `.env` file beside the manifests (a malformed one adds
    /// nothing here: `load` reports it).
    func variables() -> [String: String] {
        guard let dotEnv = dotEnvPath(), let bytes = try? BoundedFileReader.read(dotEnv, maxBytes: limits.yaml.maxBytes) else { return environment }
        return DotEnvParser.parse(bytes, path: dotEnv, maxValueBytes: limits.yaml.maxScalarBytes).variables.merging(environment) { _, process in process }
    }

    /// Reads and parses each file in turn, so only one file's bytes are in memory at a time;
    /// nodes and text count against the limits for all of them together.
    private func parse(_ files: [String]) throws(LoadError) -> [ParsedManifest] {
        var usage = YAMLUsage()
        var parsed: [ParsedManifest] = []
        // Once the limits for all files are passed the input is refused: the rest need no parse.
        for path in files where !usage.exceeds(limits.yaml) {
            let file = ManifestFile(path: path, bytes: try BoundedFileReader.read(path, maxBytes: limits.yaml.maxBytes))
            parsed.append(ParsedManifest.parse(file, limits: limits.yaml, usage: &usage))
        }
        return parsed
    }

    /// The one error that refuses the input before any of it is read: too many files, a file
    /// too large, or all of them (the `.env` included) too large together. Sizes come from
    /// `stat`; a path that is not a regular file cannot be read at all.
    func refusal(files: [String], dotEnv: String?) throws(LoadError) -> Diagnostic? {
        let start = { (path: String) in SourceLocation(file: path, line: 1, column: 1) }
        if files.count > limits.maxFiles {
            return .error("more than \(limits.maxFiles) manifest files", at: start(files[limits.maxFiles]),
                          hint: "the limit is \(limits.maxFiles) files per load; give -f the manifest directory itself, not a parent of it")
        }
        var total = 0
        for path in (dotEnv.map { [$0] } ?? []) + files {
            guard let size = BoundedFileReader.regularFileSize(path) else {
                throw LoadError(message: "\(path): " + (FileManager.default.fileExists(atPath: path) ? "not a regular file" : "cannot read file"))
            }
            if size > limits.yaml.maxBytes {
                return .error("file is \(Diagnostic.grouped(size)) bytes, more than the limit of \(YAMLLimits.describe(bytes: limits.yaml.maxBytes))",
                              at: start(path), hint: path == dotEnv ? "keep large content out of variables" : "keep large content out of manifests")
            }
            total += size
            if total > limits.maxTotalBytes {
                return .error("the manifests are more than \(YAMLLimits.describe(bytes: limits.maxTotalBytes)) in all: with this file they are "
                              + "\(Diagnostic.grouped(total)) bytes", at: start(path),
                              hint: "the limit is for all manifest files and the .env file together")
            }
        }
        return nil
    }

    /// `profiles/` beside each directory given (and beside each file's directory).
    func profileDirectories() -> [String] {
        var result: [String] = []
        for path in paths {
            let directory = ManifestLoader.isDirectory(path) ? path : PathText.parent(path)
            let base = directory.isEmpty ? "." : directory
            for candidate in [PathText.appending("../profiles", to: base), PathText.appending("profiles", to: base)] {
                let normalized = PathText.normalize(candidate)
                if ManifestLoader.isDirectory(normalized), !result.contains(normalized), normalized != PathText.normalize(path) {
                    result.append(normalized)
                }
            }
        }
        return result
    }

    /// The `.env` file in the first directory given, if there is one.
    func dotEnvPath() -> String? {
        guard let first = paths.first else { return nil }
        let directory = ManifestLoader.isDirectory(first) ? first : PathText.parent(first)
        let file = PathText.appending(".env", to: directory.isEmpty ? "." : directory)
        var isDirectory = false
        return FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) ? file : nil
    }

    /// The name of the directory holding the manifests, made a valid project name.
    func defaultProjectName() -> String {
        let first = paths.first ?? "."
        let directory = ManifestLoader.isDirectory(first) ? first : PathText.parent(first)
        let absolute = URL(fileURLWithPath: directory.isEmpty ? "." : directory).standardizedFileURL.lastPathComponent
        let cleaned = absolute.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" }
        return cleaned.isEmpty ? "default" : String(cleaned)
    }

    /// Every `*.yaml` / `*.yml` file under the paths, directories recursively, in sorted order.
    /// A directory with far more than `stopAfter` of them is not walked to the end: enough are
    /// returned to say the limit is exceeded (in sorted order when there are up to 100 times as
    /// many, so the file the error names does not depend on the directory's order).
    static func yamlFiles(under paths: [String], stopAfter limit: Int) throws(LoadError) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LoadError(message: "\(path): no such file or directory")
            }
            guard isDirectory else {
                result.append(PathText.normalize(path))
                continue
            }
            var found: [String] = []
            let readable = DirectoryWalk.walk(path) { relative, isDirectory in
                if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml"), !isDirectory {
                    found.append(PathText.normalize(path + "/" + relative))
                }
                return found.count <= limit.multipliedReportingOverflow(by: 100).partialValue
            }
            guard readable else { throw LoadError(message: "\(path): cannot read directory") }
            guard !found.isEmpty else { throw LoadError(message: "\(path): no *.yaml or *.yml files") }
            result += found.sorted()
        }
        return result
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
    }
}
