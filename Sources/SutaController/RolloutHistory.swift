import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaCompose
import SutaModel
import SutaPlan

/// The last `limit` applied configurations of each service of a project, one JSON file per
/// service under `history/` in the project's state directory, oldest first. Written by a
/// successful apply (or `profile`, or `rollout undo`) for each service whose container it
/// created or recreated (on a swarm: whose swarm service it created or updated, once its tasks
/// converged); read by `rollout history` and `rollout undo`. No secret value is in
/// it (``ServiceRevision``).
public struct RolloutHistory: Sendable {
    /// Revisions kept per service when none is asked for, as Kubernetes' `revisionHistoryLimit`.
    public static let defaultLimit = 10
    /// Bound on a history file read back: `limit` manifests of a large service.
    static let maxFileBytes = 8 << 20

    public let folder: URL
    public let limit: Int

    public init(directory: URL, limit: Int = RolloutHistory.defaultLimit) {
        folder = directory.appendingPathComponent("history")
        self.limit = max(1, limit)
    }

    /// The file of `service`'s revisions.
    public func file(of service: String) -> URL { folder.appendingPathComponent(service + ".json") }

    /// `service`'s revisions, oldest first; none when nothing was recorded. A file that cannot
    /// be read is an error that names it (it is never replaced silently).
    public func revisions(of service: String) throws(SutaError) -> [ServiceRevision] {
        let path = file(of: service).path
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode([ServiceRevision].self, from: Data(try BoundedFileReader.read(path, maxBytes: RolloutHistory.maxFileBytes)))
        } catch {
            let why = error is DecodingError ? "it is not the JSON sutactl writes" : "\(error)"
            throw SutaError(.io, "cannot read the rollout history \(path): \(why)",
                            hint: "move the file away to start the service's history anew")
        }
    }

    /// Records a revision of each service of `config` whose container the plan created or
    /// recreated (or, on a swarm, whose swarm service it created or updated), when all of that
    /// service's steps succeeded.
    func record(_ config: ResolvedConfig, plan: Plan, result: ExecutionResult, now: Date = Date()) throws(SutaError) {
        let names = ResourceNames(project: config.project.name)
        for service in config.services {
            let steps = plan.steps.filter { $0.action.service == service.name }
            guard steps.contains(where: \.action.deploysConfiguration),
                  steps.allSatisfy({ result.outcomes[$0.id] == .succeeded }) else { continue }
            var notes: [String] = []
            let manifest = ManifestWriter.text([service.manifestDocument(notes: &notes)])
            // What the recreate showed (it knows when a secret's value changed), else the
            // settings against the last revision.
            let planned = steps.first { $0.action.deploysConfiguration && $0.action.verb != "create" && !$0.changes.isEmpty }?.changes
            try append(service.name, settings: ServiceSettings(service: service, names: names), manifest: manifest, changes: planned, now: now)
        }
    }

    /// Adds a revision numbered after the last, unless it is the last one again with nothing
    /// changed (a container recreated as it was). As Kubernetes does, an earlier revision with
    /// the same manifest is dropped (it is this one now), and only the last `limit` are kept.
    /// `changes` nil: the settings' changes since the last revision. Returns the revision added.
    @discardableResult
    public func append(_ service: String, settings: ServiceSettings, manifest: String, changes planned: [FieldChange]?,
                       now: Date = Date()) throws(SutaError) -> ServiceRevision? {
        var revisions = try revisions(of: service)
        let last = revisions.last
        let changes = planned ?? last.map { settings.changes(since: $0.settings) } ?? []
        if let last, last.manifest == manifest, changes.isEmpty { return nil }
        let revision = ServiceRevision(revision: (last?.revision ?? 0) + 1, time: now, changes: changes, settings: settings, manifest: manifest)
        revisions.removeAll { $0.manifest == manifest }
        revisions.append(revision)
        try save(Array(revisions.suffix(limit)), of: service)
        return revision
    }

    private func save(_ revisions: [ServiceRevision], of service: String) throws(SutaError) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try encoder.encode(revisions).write(to: file(of: service), options: .atomic)
        } catch {
            throw SutaError(.io, "cannot save the rollout history in \(folder.path): \(StateDirectory.reason(error))")
        }
    }
}
