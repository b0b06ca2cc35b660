import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaModel

/// The rollout revisions in the state directory, and what `rollout undo` applies: the same in
/// both engine modes (apply records them; only the state directory and the environment are read).
public struct RolloutRecords: Sendable {
    public var state: StateDirectory
    public var environment: [String: String]

    public init(state: StateDirectory, environment: [String: String]) {
        self.state = state
        self.environment = environment
    }

    /// The revisions recorded for `service` of `project`, oldest first.
    public func history(project: String, service: String) throws(SutaError) -> [ServiceRevision] {
        try RolloutHistory(directory: state.project(project)).revisions(of: service)
    }

    /// What `rollout undo` applies: the manifests chosen as apply chooses them (-f, --project,
    /// ./manifests, remembered), with `service`'s document replaced by the one of revision
    /// `number` (default: the one before the last), its secret references resolved from the
    /// environment as apply resolves them. An unknown service, a service outside the active
    /// profile, an unknown revision and no previous revision are usage errors, raised before
    /// anything changes.
    public func undoTarget(service: String, revision number: Int?, paths: [String], profiles: [String],
                           project: String?) throws(SutaError) -> (target: ManifestTarget, revision: ServiceRevision) {
        // The project and its services first, needing no secret (the revision may not use them all).
        let current = try ManifestTarget.load(paths: paths, profiles: profiles, project: project,
                                              needs: .init(profile: true, allowsUnsetSecrets: true), environment: environment, state: state)
        let name = current.resolution.project.name
        guard current.resolution.serviceNames.contains(service) else {
            let hint = Suggestion.closest(to: service, among: current.resolution.serviceNames).map { " (did you mean `\($0)`?)" } ?? ""
            throw SutaError(.usage, "unknown service `\(service)` in project \(name)\(hint)")
        }
        guard try current.config().services.contains(where: { $0.name == service }) else {
            throw SutaError(.usage, "service \(service) is not in the active profile \(try current.config().profileDisplayName) of project \(name)")
        }
        let revisions = try history(project: name, service: service)
        let chosen: ServiceRevision
        if let number {
            guard let found = revisions.first(where: { $0.revision == number }) else {
                let known = revisions.isEmpty ? "none recorded" : "revisions " + revisions.map { String($0.revision) }.joined(separator: ", ")
                throw SutaError(.usage, "service \(service) has no revision \(number) (\(known))")
            }
            chosen = found
        } else {
            guard revisions.count >= 2 else {
                let only = revisions.last.map { "only revision \($0.revision) is recorded" } ?? "none is recorded"
                throw SutaError(.usage, "service \(service) has no previous revision to go back to (\(only))")
            }
            chosen = revisions[revisions.count - 2]
        }
        let document = ManifestFile(path: "\(service) revision \(chosen.revision)", bytes: Array(chosen.manifest.utf8))
        let target = try ManifestTarget.load(paths: paths, profiles: profiles, project: project, environment: environment, state: state,
                                             pinned: [document])
        // An unset secret the revision uses is apply's error, before anything is said to change.
        _ = try target.config()
        return (target, chosen)
    }
}
