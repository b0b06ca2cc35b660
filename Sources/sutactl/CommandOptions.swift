#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaErrors
import SutaModel

/// The parsed command line: a command, its flags, and its arguments.
struct CommandOptions {
    var command: String
    var files: [String] = []
    var profiles: [String] = []
    /// The `-o` value; nil for the command's default.
    var output: String?
    var help = false
    var arguments: [String] = []
    var dryRun = false
    var prune = false
    var volumes = false
    var wait = false
    var noWait = false
    var follow = false
    var tail: Int?
    var timeout: Duration = .seconds(300)
    var parallel = 8
    var project: String?
    /// `--engine`: the engine mode that wins over the Project's.
    var engine: String?
    var resync: Duration = .seconds(30)
    var metricsPort: Int?
    var logFormat = "text"
    var yes = false
    /// `convert -o DIR`.
    var outputDirectory: String?
    var force = false
    /// `rollout undo --to-revision N`.
    var toRevision: Int?
    /// `rollout history --revision N`.
    var revision: Int?

    /// The `-o` format in effect: the one given, else the command's default.
    var format: String { output ?? CommandSpec.named(command)?.outputs.first ?? "text" }

    /// Parses `sutactl COMMAND [flags] [args]`; `--flag=value` and `--flag value` both work.
    static func parse(_ raw: [String]) throws(UsageError) -> CommandOptions {
        var rest = raw[...]
        guard let command = rest.popFirst() else { return CommandOptions(command: "help") }
        if command == "-h" || command == "--help" { return CommandOptions(command: "help") }
        if command == "--version" { return CommandOptions(command: "version") }
        var options = CommandOptions(command: command)
        // An unknown command is reported as such (with a suggestion), whatever flags follow.
        guard let spec = CommandSpec.named(command) else { return options }
        let flags = spec.flags + (spec.outputs.isEmpty ? [] : [.output(spec.outputs)]) + [.help]
        let allowed = flags.flatMap(\.names)
        while let argument = rest.popFirst() {
            var flag = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard !flag.hasPrefix("-") || flag == "-" || allowed.contains(flag) else {
                let hint = Suggestion.closest(to: flag, among: allowed).map { " (did you mean \($0)?)" } ?? ""
                throw UsageError(message: "unknown flag \(flag) for `\(command)`\(hint)")
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = rest.popFirst(), !next.hasPrefix("-") || next == "-" else {
                    throw UsageError(message: "\(flag) needs a value")
                }
                return next
            }
            func number() throws(UsageError) -> Int {
                let text = try value()
                guard let number = Int(text), number >= 0 else { throw UsageError(message: "\(flag) needs a whole number, got `\(text)`") }
                return number
            }
            guard let key = flags.first(where: { $0.names.contains(flag) })?.key else {
                options.arguments.append(argument)
                continue
            }
            switch key {
            case .file: options.files.append(try value())
            case .profile:
                options.profiles += try value().split(separator: ",").map { $0.trimmingWhitespace(includingNewlines: false) }
            case .output:
                let format = try value()
                let formats = spec.outputs
                guard formats.contains(format) else {
                    throw UsageError(message: "`\(command)` does not support -o \(format); use \(formats.joined(separator: " or "))")
                }
                options.output = format
            case .help: options.help = true
            case .dryRun: options.dryRun = true
            case .prune: options.prune = true
            case .volumes: options.volumes = true
            case .wait: options.wait = true
            case .noWait: options.noWait = true
            case .follow: options.follow = true
            case .yes: options.yes = true
            case .force: options.force = true
            case .outputDirectory: options.outputDirectory = try value()
            case .tail: options.tail = try number()
            case .toRevision: options.toRevision = try number()
            case .revision: options.revision = try number()
            case .parallel: options.parallel = max(1, try number())
            case .project:
                let name = try value()
                guard ManifestDocument.isValidName(name) else { throw UsageError(message: "invalid project name `\(name)`") }
                options.project = name
            case .engine:
                let mode = try value()
                guard EngineMode(rawValue: mode) != nil else { throw UsageError(message: "--engine needs docker or swarm, got `\(mode)`") }
                options.engine = mode
            case .metricsPort:
                let port = try number()
                guard port <= 65535 else { throw UsageError(message: "--metrics-port needs a port number, got \(port)") }
                options.metricsPort = port
            case .logFormat:
                options.logFormat = try value()
                guard ["text", "json"].contains(options.logFormat) else {
                    throw UsageError(message: "unknown log format `\(options.logFormat)`; use text or json")
                }
            case .resync:
                let text = try value()
                guard let duration = DurationText.parse(text), duration >= .seconds(1) else {
                    throw UsageError(message: "--resync needs a duration of at least 1s, like 30s, got `\(text)`")
                }
                options.resync = duration
            case .timeout:
                let text = try value()
                guard let duration = DurationText.parse(text) else { throw UsageError(message: "--timeout needs a duration like 90s or 5m, got `\(text)`") }
                options.timeout = duration
            }
        }
        return options
    }
}
