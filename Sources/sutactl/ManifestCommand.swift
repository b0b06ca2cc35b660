#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaCompose
import SutaController
import SutaModel

/// `validate` and `config`: load the manifests, report diagnostics, print the result.
enum ManifestCommand {
    static func run(_ options: CommandOptions) -> ExitStatus {
        if !options.arguments.isEmpty {
            Console.error("error: unexpected argument `\(options.arguments[0])`")
            return .usage
        }
        let environment = ProcessInfo.processInfo.environment
        let resolution: ConfigResolution
        do {
            // The same rule as every command for which manifests and profile; no secrets needed
            // (an unset one is a warning, listing where it is used).
            resolution = try ManifestTarget.load(paths: options.files, profiles: options.profiles, project: options.project,
                                                 needs: EngineCommand.readOnly, environment: environment,
                                                 state: StateDirectory(environment: environment)).resolution
        } catch {
            Console.error("error: \(error)")
            return .usage
        }
        if options.command == "validate" {
            return validate(resolution, json: options.format == "json")
        }
        report(resolution.diagnostics)
        guard let config = resolution.config else { return summary(resolution) }
        switch options.format {
        case "json": Console.out(config.value.json())
        case "manifest":
            var notes: [String] = []
            let documents = config.manifestDocuments(notes: &notes)
            for note in notes { Console.error("warning: " + note) }
            Console.out(ManifestWriter.text(documents), terminator: "")
        default: Console.out(config.value.yaml())
        }
        return .success
    }

    private static func validate(_ resolution: ConfigResolution, json: Bool) -> ExitStatus {
        if json {
            let value = ConfigValue.object([
                ("valid", .bool(resolution.config != nil)),
                ("profile", .string(resolution.config?.profiles.joined(separator: ",") ?? "")),
                ("services", .int(Int64(resolution.config?.services.count ?? 0))),
                ("diagnostics", .array(resolution.diagnostics.map { diagnostic in
                    .object([
                        ("severity", .string(diagnostic.severity.rawValue)),
                        ("file", diagnostic.location.map { .string($0.file) } ?? .null),
                        ("line", diagnostic.location.map { .int(Int64($0.line)) } ?? .null),
                        ("column", diagnostic.location.map { .int(Int64($0.column)) } ?? .null),
                        ("message", .string(diagnostic.message)),
                        ("hint", diagnostic.hint.map(ConfigValue.string) ?? .null),
                        ("more_like_this", .int(Int64(diagnostic.omitted))),
                    ])
                })),
            ])
            Console.out(value.json())
            return resolution.config == nil ? .invalid : .success
        }
        report(resolution.diagnostics)
        guard let config = resolution.config else { return summary(resolution) }
        let warnings = resolution.warningCount
        Console.out("valid: project \(config.project.name), profile \(config.profileDisplayName): "
            + "\(config.services.count) services, \(config.networks.count) networks, \(config.volumes.count) volumes"
            + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : ""))
        return .success
    }

    private static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { Console.error(diagnostic.description) }
    }

    private static func summary(_ resolution: ConfigResolution) -> ExitStatus {
        let errors = resolution.errorCount, warnings = resolution.warningCount
        Console.error("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        return .invalid
    }

    /// `sutactl __complete services|profiles [manifest flags]`, for the completion scripts:
    /// the names, one a line; nothing (and success) when the manifests cannot be read.
    static func complete(_ arguments: [String]) -> ExitStatus {
        guard let kind = arguments.first, let options = try? CommandOptions.parse(["validate"] + arguments.dropFirst()) else { return .usage }
        let environment = ProcessInfo.processInfo.environment
        guard let resolution = try? ManifestTarget.load(paths: options.files, profiles: options.profiles, project: options.project,
                                                        needs: .init(profile: false, allowsUnsetSecrets: true), environment: environment,
                                                        state: StateDirectory(environment: environment)).resolution else { return .success }
        let names = kind == "profiles" ? resolution.profileNames : resolution.serviceNames
        if !names.isEmpty { Console.out(names.joined(separator: "\n")) }
        return .success
    }
}
