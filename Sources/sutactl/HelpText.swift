#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The overview (`sutactl --help`) and each command's help, generated from `CommandSpec`.
enum HelpText {
    static let version = "0.1.0"

    static var overview: String {
        let width = (CommandSpec.all.map(\.name.count).max() ?? 0) + 2
        let commands = CommandSpec.all.map { "  " + $0.name.padded(toLength: width) + $0.summary }
        return """
        sutactl: a declarative controller for multi-service platforms on the Docker Engine.

        Usage: sutactl COMMAND [flags]

        Commands:
        \(commands.joined(separator: "\n"))

        Run `sutactl COMMAND --help` for a command's flags.
        """
    }

    static func text(for command: String) -> String? {
        command == "help" ? overview : CommandSpec.named(command)?.help
    }
}
