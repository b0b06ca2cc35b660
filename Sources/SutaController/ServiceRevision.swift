#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaPlan

/// One applied configuration of a service, as `rollout history` lists it and `rollout undo`
/// goes back to: kept in the project's state directory (`history/SERVICE.json`). Secret
/// values are never in it: the changes say only `(secret changed)`, the settings only that a
/// field is a secret, and the manifest holds each secret as its `${VAR}` reference.
public struct ServiceRevision: Codable, Sendable, Equatable {
    /// 1 for the first configuration recorded, one more for each later one.
    public var revision: Int
    /// When the apply that made it finished.
    public var time: Date
    /// The fields changed from the configuration before, as `diff` showed them; empty for the
    /// first revision.
    public var changes: [FieldChange]
    /// The service's settings, for the changes of the next revision.
    public var settings: ServiceSettings
    /// The service as one Service document (the manifest writer's), with the profiles that
    /// applied already merged: applied again, it gives this configuration back.
    public var manifest: String

    public init(revision: Int, time: Date, changes: [FieldChange], settings: ServiceSettings, manifest: String) {
        self.revision = revision
        self.time = time
        self.changes = changes
        self.settings = settings
        self.manifest = manifest
    }

    /// The CHANGED column: the changed fields' paths (`environment.MODE`), a secret as
    /// `environment.DB_PASSWORD (secret changed)`; `(first)` for a first revision.
    public var changedText: String {
        guard !changes.isEmpty else { return revision == 1 ? "(first)" : "-" }
        return changes.map { change in
            if change == .secretInEnvironment { return "environment (a secret value changed)" }
            return change.secret ? "\(change.path) (secret changed)" : change.path
        }.joined(separator: ", ")
    }
}
