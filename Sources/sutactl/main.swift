#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import SutaController
import SutaModel

/// Entry point: parse the command line and hand off to a command.
func runSutactl(_ arguments: [String]) async -> ExitStatus {
    let options: CommandOptions
    do {
        options = try CommandOptions.parse(arguments)
    } catch {
        Console.error("error: \(error.message)\nRun `sutactl --help` for usage.")
        return .usage
    }
    // The manifest loader reads the override from the environment, like every other variable.
    if let engine = options.engine { setenv(EngineModeOverride.variable, engine, 1) }
    if options.help || options.command == "help" {
        let topic = options.command == "help" ? options.arguments.first ?? "help" : options.command
        guard let text = HelpText.text(for: topic) else {
            Console.error("error: unknown command `\(topic)`")
            return .usage
        }
        Console.out(text)
        return .success
    }
    switch options.command {
    case "completion":
        guard let shell = options.arguments.first, let script = CompletionScript.script(for: shell) else {
            Console.error("error: completion needs a shell: \(CompletionScript.shells.joined(separator: ", "))")
            return .usage
        }
        Console.out(script, terminator: "")
        return .success
    case "schema":
        Console.out(ManifestSchema.json)
        return .success
    case "graph":
        return await GraphCommand.run(options)
    case "__complete":
        return ManifestCommand.complete(Array(arguments.dropFirst()))
    case "convert":
        return ConvertCommand.run(options)
    case "validate", "config":
        return ManifestCommand.run(options)
    case "apply", "diff", "status", "profile", "down", "logs", "breakers", "controller", "rollout":
        return await EngineCommand.run(options)
    case "version":
        Console.out("sutactl \(HelpText.version) (manifests \(ManifestDocument.apiVersion))")
        return .success
    default:
        let known = CommandSpec.all.map(\.name)
        let suggestion = CommandSpec.otherToolsNames[options.command] ?? Suggestion.closest(to: options.command, among: known)
        let hint = suggestion.map { " (did you mean `sutactl \($0)`?)" } ?? ""
        Console.error("error: unknown command `\(options.command)`\(hint)\nRun `sutactl --help` for usage.")
        return .usage
    }
}

exit(await runSutactl(Array(CommandLine.arguments.dropFirst())).rawValue)
