#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `sutactl completion bash|zsh|fish`: shell completion generated from `CommandSpec`, so it
/// offers exactly the commands, flags and `-o` values the parser accepts. Service and
/// profile names come live from the manifests the command line names, through the hidden
/// `sutactl __complete services|profiles [flags]`.
enum CompletionScript {
    static let shells = ["bash", "zsh", "fish"]

    static func script(for shell: String) -> String? {
        switch shell {
        case "bash": bash
        case "zsh": "#compdef sutactl\nautoload -U +X bashcompinit && bashcompinit\n" + bash
        case "fish": fish
        default: nil
        }
    }

    /// The flags of a command as the shell sees them, `-o` included.
    private static func flags(_ command: CommandSpec) -> [Flag] {
        command.flags + (command.outputs.isEmpty ? [] : [.output(command.outputs)]) + [.help]
    }

    private static var bash: String {
        let commands = CommandSpec.all.map(\.name).joined(separator: " ")
        let cases = CommandSpec.all.map { command in
            let names = flags(command).flatMap(\.names).joined(separator: " ")
            let valued = flags(command).filter { $0.value != nil }.flatMap(\.names).joined(separator: "|")
            return """
                    \(command.name))
                        flags="\(names)"; outputs="\(command.outputs.joined(separator: " "))"; valued="\(valued)" ;;
            """
        }.joined(separator: "\n")
        // Commands that take a service name (after their subcommand, if they have any).
        let serviceCases = CommandSpec.all.filter(\.takesService).map { command in
            let services = "COMPREPLY=($(compgen -W \"$(sutactl __complete services \"${scope[@]}\" 2>/dev/null)\" -- \"$cur\"))"
            guard !command.subcommands.isEmpty else { return "\(command.name)) \(services) ;;" }
            return "\(command.name)) if [ \"$COMP_CWORD\" -eq 2 ]; then COMPREPLY=($(compgen -W \"\(command.subcommands.joined(separator: " "))\" -- \"$cur\")); "
                + "else \(services); fi ;;"
        }.joined(separator: "\n        ")
        return """
        # sutactl completion for bash: `source <(sutactl completion bash)`
        _sutactl() {
            local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" command="${COMP_WORDS[1]}"
            local flags="" outputs="" valued="" i
            if [ "$COMP_CWORD" -eq 1 ]; then
                COMPREPLY=($(compgen -W "\(commands)" -- "$cur")); return
            fi
            case "$command" in
        \(cases)
            esac
            # The manifest flags of this command line, for live names.
            local scope=() word
            for ((i = 2; i < COMP_CWORD; i++)); do
                word="${COMP_WORDS[i]}"
                case "$word" in
                    --file|--project) scope+=("$word" "${COMP_WORDS[i+1]}") ;;
                    -f) [ "$command" != logs ] && scope+=("$word" "${COMP_WORDS[i+1]}") ;;
                esac
            done
            case "$prev" in
                -o|--output) COMPREPLY=($(compgen -W "$outputs" -- "$cur")); return ;;
                -p|--profile) COMPREPLY=($(compgen -W "$(sutactl __complete profiles "${scope[@]}" 2>/dev/null)" -- "$cur")); return ;;
                --file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                -f) if [ "$command" != logs ]; then COMPREPLY=($(compgen -f -- "$cur")); return; fi ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "$flags" -- "$cur")); return
            fi
            if [[ "$prev" == -* ]] && [[ "|$valued|" == *"|$prev|"* ]]; then return; fi
            case "$command" in
                \(serviceCases)
                profile) COMPREPLY=($(compgen -W "$(sutactl __complete profiles "${scope[@]}" 2>/dev/null)" -- "$cur")) ;;
                help) COMPREPLY=($(compgen -W "\(commands)" -- "$cur")) ;;
                completion) COMPREPLY=($(compgen -W "\(shells.joined(separator: " "))" -- "$cur")) ;;
            esac
        }
        complete -F _sutactl sutactl

        """
    }

    private static var fish: String {
        var lines = ["# sutactl completion for fish: `sutactl completion fish | source`", "complete -c sutactl -f"]
        for command in CommandSpec.all {
            lines.append("complete -c sutactl -n __fish_use_subcommand -a \(command.name) -d '\(command.summary.replacing("'", with: "\\'"))'")
            for flag in flags(command) {
                let short = flag.names.first { !$0.hasPrefix("--") }.map { " -s \($0.dropFirst())" } ?? ""
                let long = flag.names.first { $0.hasPrefix("--") }.map { " -l \($0.dropFirst(2))" } ?? ""
                var values = ""
                switch flag.key {
                case .output: values = " -r -a '\(command.outputs.joined(separator: " "))'"
                case .profile: values = " -r -a '(sutactl __complete profiles)'"
                case .file: values = " -r -F"
                default: values = flag.value == nil ? "" : " -r"
                }
                lines.append("complete -c sutactl -n '__fish_seen_subcommand_from \(command.name)'\(short)\(long)\(values) -d '\(flag.help.replacing("'", with: "\\'"))'")
            }
        }
        for command in CommandSpec.all where command.takesService {
            if !command.subcommands.isEmpty {
                lines.append("complete -c sutactl -n '__fish_seen_subcommand_from \(command.name)' -a '\(command.subcommands.joined(separator: " "))'")
            }
            lines.append("complete -c sutactl -n '__fish_seen_subcommand_from \(command.name)' -a '(sutactl __complete services)'")
        }
        lines.append("complete -c sutactl -n '__fish_seen_subcommand_from profile' -a '(sutactl __complete profiles)'")
        lines.append("complete -c sutactl -n '__fish_seen_subcommand_from completion' -a '\(shells.joined(separator: " "))'")
        return lines.joined(separator: "\n") + "\n"
    }
}
