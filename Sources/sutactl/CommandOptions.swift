import Foundation
import SutaModel

/// The parsed command line: a command, its flags, and the manifest paths.
struct CommandOptions {
    var command: String
    var files: [String] = []
    var profiles: [String] = []
    var output = "text"
    var help = false
    var arguments: [String] = []

    /// Flags every manifest command takes.
    static let manifestFlags = ["-f", "--file", "--profile", "-p", "-o", "--output", "-h", "--help"]

    /// Parses `sutactl COMMAND [flags] [args]`; `--flag=value` and `--flag value` both work.
    static func parse(_ raw: [String]) throws(UsageError) -> CommandOptions {
        var rest = raw[...]
        guard let command = rest.popFirst() else { return CommandOptions(command: "help") }
        if command == "-h" || command == "--help" { return CommandOptions(command: "help") }
        if command == "--version" { return CommandOptions(command: "version") }
        var options = CommandOptions(command: command)
        while let argument = rest.popFirst() {
            var flag = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = rest.popFirst(), !next.hasPrefix("-") || next == "-" else {
                    throw UsageError(message: "\(flag) needs a value")
                }
                return next
            }
            switch flag {
            case "-f", "--file": options.files.append(try value())
            case "-p", "--profile":
                options.profiles += try value().split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            case "-o", "--output":
                options.output = try value()
                guard ["text", "json", "yaml"].contains(options.output) else {
                    throw UsageError(message: "unknown output format `\(options.output)`; use text, json or yaml")
                }
            case "-h", "--help": options.help = true
            default:
                if flag.hasPrefix("-") && flag.count > 1 {
                    let hint = Suggestion.closest(to: flag, among: manifestFlags).map { " (did you mean \($0)?)" } ?? ""
                    throw UsageError(message: "unknown flag \(flag) for `\(command)`\(hint)")
                }
                options.arguments.append(argument)
            }
        }
        return options
    }
}
