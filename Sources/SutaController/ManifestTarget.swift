import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel

/// Which manifests, project and profiles a command works on. The project: `-f` given -> those
/// manifests; else `--project NAME` -> that project (its remembered manifests, else
/// `./manifests`); else `./manifests` in the working directory; else the project applied
/// last. The profile: `--profile` given -> that; else the profile remembered with those same
/// manifests (last apply or `profile`); else the project's `default_profile`.
public struct ManifestTarget: Sendable {
    public var resolution: ConfigResolution
    /// Absolute manifest paths.
    public var paths: [String]
    /// The profiles in effect (given or remembered); empty for the project's default.
    public var profiles: [String]
    public var source: ProjectSource

    /// What a command needs of the target.
    public struct Needs: Sendable {
        /// Use the remembered profile (down, logs and breakers need only the project).
        public var profile = true
        /// Read-only commands: unset secrets are placeholders, not errors.
        public var allowsUnsetSecrets = false

        public init(profile: Bool = true, allowsUnsetSecrets: Bool = false) {
            self.profile = profile
            self.allowsUnsetSecrets = allowsUnsetSecrets
        }
    }

    /// The project name and where it came from, without reading manifests when the name is
    /// known already (`--project`, or the state directory): what `down` needs.
    public static func project(paths: [String], project: String?, state: StateDirectory) -> (name: String, source: ProjectSource)? {
        guard paths.isEmpty else { return nil }
        if let project { return (project, .projectFlag) }
        if FileManager.default.fileExists(atPath: "manifests") { return nil }
        guard let current = state.currentProject else { return nil }
        return (current, .remembered(paths: ProjectState.load(from: state, project: current)?.paths ?? []))
    }

    /// `pinned`: Service documents that replace the manifests' ones of the same name
    /// (``ManifestLoader/pinnedServices``).
    public static func load(paths given: [String], profiles givenProfiles: [String], project: String? = nil, needs: Needs = Needs(),
                            environment: [String: String], state: StateDirectory,
                            pinned: [ManifestFile] = []) throws(SutaError) -> ManifestTarget {
        let working = URL(fileURLWithPath: "manifests").standardizedFileURL.path
        let hasWorkingManifests = FileManager.default.fileExists(atPath: working)
        var paths = given.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var source = ProjectSource.files(given)
        var remembered: ProjectState?
        if paths.isEmpty {
            if let project {
                source = .projectFlag
                remembered = ProjectState.load(from: state, project: project)
                paths = remembered.flatMap { $0.paths.isEmpty ? nil : $0.paths } ?? (hasWorkingManifests ? [working] : [])
                guard !paths.isEmpty else {
                    throw SutaError(.usage, "project \(project) has no remembered manifests and there is no ./manifests here",
                                          hint: "give the manifests with -f PATH")
                }
            } else if hasWorkingManifests {
                source = .workingDirectory
                paths = [working]
            } else if let current = state.currentProject, let state = ProjectState.load(from: state, project: current), !state.paths.isEmpty {
                source = .remembered(paths: state.paths)
                remembered = state
                paths = state.paths
            } else {
                throw SutaError(.usage, "no manifests: there is no ./manifests here and no project was applied before",
                                      hint: "give the manifests with -f PATH")
            }
        }
        var resolution = try load(paths, givenProfiles, project, needs, environment, pinned)
        // ./manifests of a project applied from it (maybe with overlays): its remembered manifests.
        if source == .workingDirectory, let state = ProjectState.load(from: state, project: resolution.project.name), state.paths.contains(working) {
            remembered = state
            if state.paths != paths {
                paths = state.paths
                resolution = try load(paths, givenProfiles, project, needs, environment, pinned)
            }
        }
        if case .files = source { remembered = ProjectState.load(from: state, project: resolution.project.name) }
        var profiles = givenProfiles
        if givenProfiles.isEmpty, needs.profile, let remembered, remembered.paths == paths, !remembered.profiles.isEmpty {
            profiles = remembered.profiles
            resolution = try load(paths, profiles, project, needs, environment, pinned)
        }
        if let usage = resolution.usageError { throw SutaError(.usage, usage) }
        return ManifestTarget(resolution: resolution, paths: paths, profiles: profiles, source: source)
    }

    private static func load(_ paths: [String], _ profiles: [String], _ project: String?, _ needs: Needs,
                             _ environment: [String: String], _ pinned: [ManifestFile]) throws(SutaError) -> ConfigResolution {
        do {
            var loader = ManifestLoader(paths: paths.map(relativeToWorkingDirectory), profiles: profiles, environment: environment,
                                        projectName: project, allowsUnsetSecrets: needs.allowsUnsetSecrets)
            loader.pinnedServices = pinned
            return try loader.load()
        } catch {
            throw SutaError(.usage, error.message)
        }
    }

    /// Paths under the working directory are shown relative to it, as the user typed them.
    private static func relativeToWorkingDirectory(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// The values of the secret variables set in `environment` or the `.env` beside the
    /// manifests (those the Project declares and those whose names look secret), for masking
    /// output. Never printed.
    public func secretValues(environment: [String: String]) -> [String] {
        let declared = Set(resolution.project.secrets)
        return ManifestLoader(paths: paths, profiles: profiles, environment: environment).variables()
            .filter { declared.contains($0.key) || SecretNames.looksSecret($0.key) }.map(\.value).filter { !$0.isEmpty }
    }

    /// The resolved config, or a validation error carrying every diagnostic.
    public func config() throws(SutaError) -> ResolvedConfig {
        guard let config = resolution.config else {
            throw SutaError(.validation, resolution.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return config
    }
}
