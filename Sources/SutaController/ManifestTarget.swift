import Foundation
import SutaModel

/// Which manifests and profiles a command works on: the `-f` paths and `--profile` given,
/// else what the project remembers from its last apply, else `manifests/` and the
/// project's default profile.
public struct ManifestTarget: Sendable {
    public var resolution: ConfigResolution
    /// Absolute manifest paths.
    public var paths: [String]
    /// The profiles in effect (given or remembered); empty for the project's default.
    public var profiles: [String]

    /// With `rememberProfiles` false the remembered profiles are not used: commands that
    /// need only the project (down, logs, breakers) work whatever profile was applied.
    public static func load(paths given: [String], profiles givenProfiles: [String], project: String? = nil,
                            rememberProfiles: Bool = true,
                            environment: [String: String], state: StateDirectory) throws(ControllerError) -> ManifestTarget {
        var paths = given.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if paths.isEmpty {
            if let current = project ?? state.currentProject, let remembered = ProjectState.load(from: state, project: current), !remembered.paths.isEmpty {
                paths = remembered.paths
            } else {
                paths = [URL(fileURLWithPath: "manifests").standardizedFileURL.path]
            }
        }
        var profiles = givenProfiles
        var resolution = try load(paths, profiles, project, environment)
        if givenProfiles.isEmpty, rememberProfiles, let remembered = ProjectState.load(from: state, project: resolution.project.name),
           !remembered.profiles.isEmpty {
            profiles = remembered.profiles
            resolution = try load(paths, profiles, project, environment)
        }
        if let usage = resolution.usageError { throw ControllerError(.usage, usage) }
        return ManifestTarget(resolution: resolution, paths: paths, profiles: profiles)
    }

    private static func load(_ paths: [String], _ profiles: [String], _ project: String?,
                             _ environment: [String: String]) throws(ControllerError) -> ConfigResolution {
        do {
            return try ManifestLoader(paths: paths.map(relativeToWorkingDirectory), profiles: profiles, environment: environment,
                                      projectName: project).load()
        } catch {
            throw ControllerError(.usage, error.message)
        }
    }

    /// Paths under the working directory are shown relative to it, as the user typed them.
    private static func relativeToWorkingDirectory(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// The resolved config, or a validation error carrying every diagnostic.
    public func config() throws(ControllerError) -> ResolvedConfig {
        guard let config = resolution.config else {
            throw ControllerError(.validation, resolution.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return config
    }
}
