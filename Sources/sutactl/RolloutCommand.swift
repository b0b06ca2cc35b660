import SutaErrors
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaController
import SutaModel

/// `rollout history SERVICE` and `rollout undo SERVICE`, as `kubectl rollout history/undo`:
/// the configurations a service was applied with, and going back to one through apply (in
/// either engine mode).
enum RolloutCommand {
    static func run(_ options: CommandOptions, _ controller: Controller) async throws -> ExitStatus {
        guard let action = options.arguments.first, ["history", "undo"].contains(action) else {
            let given = options.arguments.first.map { "unknown rollout command `\($0)`" } ?? "rollout needs a command"
            return usage("\(given): use `sutactl rollout history SERVICE` or `sutactl rollout undo SERVICE`")
        }
        guard options.arguments.count == 2 else { return usage("rollout \(action) needs one SERVICE") }
        let service = options.arguments[1]
        if action == "history" {
            guard options.toRevision == nil else { return usage("--to-revision is for `rollout undo`; `rollout history` takes --revision N") }
            return try history(service, options, controller)
        }
        guard options.revision == nil else { return usage("--revision is for `rollout history`; `rollout undo` takes --to-revision N") }
        let records = RolloutRecords(state: controller.state, environment: controller.environment)
        let (target, revision) = try records.undoTarget(service: service, revision: options.toRevision, paths: options.files,
                                                         profiles: options.profiles, project: options.project)
        Console.error("rollout undo: service \(service) back to revision \(revision.revision)")
        let project = target.resolution.project.name
        let last = try records.history(project: project, service: service).last?.revision
        let status = target.resolution.project.engineMode == .swarm
            ? try await SwarmCommand.apply(options, target: target, environment: controller.environment, state: controller.state, services: [service])
            : try await EngineCommand.apply(options, controller, target: target, services: [service])
        if status == .success, options.format == "text" {
            let now = try records.history(project: project, service: service).last?.revision
            // As kubectl: nothing to do when the service already runs that configuration.
            Console.out(now == last ? "service \(service) already runs the configuration of revision \(revision.revision): nothing rolled back"
                                    : "service \(service) rolled back to revision \(revision.revision) (now revision \(now ?? 0))")
        }
        return status
    }

    private static func usage(_ message: String) -> ExitStatus {
        Console.error("error: \(message)")
        return .usage
    }

    /// The service's revisions as a table (REVISION, TIME, CHANGED) or JSON; with --revision N,
    /// that revision's manifest. Reads the state directory only.
    private static func history(_ service: String, _ options: CommandOptions, _ controller: Controller) throws -> ExitStatus {
        let target = try EngineCommand.target(options, controller, needs: EngineCommand.readOnly)
        let project = target.resolution.project.name
        let revisions = try RolloutRecords(state: controller.state, environment: controller.environment).history(project: project, service: service)
        if revisions.isEmpty, !target.resolution.serviceNames.contains(service) {
            let hint = Suggestion.closest(to: service, among: target.resolution.serviceNames).map { " (did you mean `\($0)`?)" } ?? ""
            return usage("unknown service `\(service)` in project \(project)\(hint)")
        }
        let json = options.format == "json"
        if let number = options.revision {
            guard let revision = revisions.first(where: { $0.revision == number }) else {
                let known = revisions.isEmpty ? "none recorded" : "revisions " + revisions.map { String($0.revision) }.joined(separator: ", ")
                return usage("service \(service) has no revision \(number) (\(known))")
            }
            Console.out(json ? value(revision, manifest: true).json() : revision.manifest, terminator: json ? "\n" : "")
            return .success
        }
        if json {
            Console.out(ConfigValue.object([("project", .string(project)), ("service", .string(service)),
                                            ("revisions", .array(revisions.map { value($0, manifest: false) }))]).json())
            return .success
        }
        guard !revisions.isEmpty else {
            Console.out("service \(service): no revisions recorded yet (apply records one each time it creates or recreates the container)")
            return .success
        }
        let rows = [["REVISION", "TIME", "CHANGED"]] + revisions.map { [String($0.revision), time($0.time), $0.changedText] }
        let width = rows.map(\.[1].count).max() ?? 0
        Console.out("service \(service)")
        for row in rows {
            Console.out(row[0].padded(toLength: 10) + row[1].padded(toLength: width + 2) + row[2])
        }
        return .success
    }

    /// `{revision, time, changed, changes: [{path, before, after, secret, inContainer}]}`, and
    /// `manifest` for one revision.
    private static func value(_ revision: ServiceRevision, manifest: Bool) -> ConfigValue {
        .object([
            ("revision", .int(Int64(revision.revision))), ("time", .string(time(revision.time))),
            ("changed", .array(revision.changes.map { .string($0 == .secretInEnvironment ? "environment" : $0.path) })),
            ("changes", .array(revision.changes.map(OutputFormatter.change))),
        ] + (manifest ? [("manifest", .string(revision.manifest))] : []))
    }

    private static func time(_ date: Date) -> String { date.formatted(.iso8601) }
}
