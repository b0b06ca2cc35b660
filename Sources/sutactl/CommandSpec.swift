#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One command: its usage, what it does, its flags and output formats. `--help` text, the
/// parser's accepted flags and the `-o` check all come from here.
struct CommandSpec: Sendable {
    var name: String
    /// The arguments after the command name in the usage line (`SERVICE`, `[NAME]`).
    var arguments: String = ""
    /// One line for the overview.
    var summary: String
    var description: String
    var flags: [Flag]
    /// Accepted `-o` values, the default first; empty when the command has no `-o`.
    var outputs: [String] = []
    var exitStatus: String?
    /// The words the first argument may be (`rollout history|undo`), for completion.
    var subcommands: [String] = []
    /// The argument after the subcommand (or the first, without subcommands) is a service
    /// name of the manifests, for completion.
    var takesService = false

    static let manifestFlags: [Flag] = [.file, .profile, .project, .engine]

    static let all: [CommandSpec] = [
        CommandSpec(name: "validate", summary: "check manifests and report every problem (file:line:col)", description: """
            Checks the manifests under the active profile and prints every problem as
            `file:line:col: error: message`, with a hint where one helps. Unset secrets are
            warnings here (apply and profile refuse them).
            """, flags: manifestFlags, outputs: ["text", "json"], exitStatus: "0 valid (warnings allowed), 1 invalid, 2 usage error."),
        CommandSpec(name: "config", summary: "print the fully resolved desired state (yaml, json or manifest)", description: """
            Prints the fully resolved desired state of the active profile: variables expanded,
            profile overrides merged, optional dependencies outside the profile dropped.
            Secret values print as ***. The JSON form is a contract for scripts (docs/cli.md).
            `-o manifest` prints sutactl manifests that apply to the same state: `$` written as
            `$$`, secrets as their `${VAR}` references, never their values.
            """, flags: manifestFlags, outputs: ["yaml", "json", "manifest"], exitStatus: "0 printed, 1 invalid manifests, 2 usage error."),
        CommandSpec(name: "convert", summary: "write sutactl manifests from a compose file", description: """
            Reads a compose file (and override files, merged as `docker compose -f a -f b`
            merges them) and writes a Project, its networks and volumes, one Service per compose
            service and a Profile per compose profile. `${VAR}` references are kept as written.
            Every key that cannot be carried is listed as `file:line:col: warning: ...` with the
            reason (and as a comment above its Service). Without -o the manifests are printed;
            with -o DIR they are written as DIR/project.yaml, DIR/services/NAME.yaml and
            DIR/profiles/NAME.yaml, never over an existing file unless --force, and the compose
            file's .env is copied beside them. --project names the Project (default: the compose
            file's `name:`, else its directory's name). See docs/compose.md.
            """, flags: [.file, .project, .outputDirectory, .force],
            exitStatus: "0 converted (warnings allowed), 1 the compose file cannot be read or converted, 2 usage error or a file in the way."),
        CommandSpec(name: "apply", summary: "converge the engine to the manifests", description: """
            Observes the engine, plans, and converges: creates what is missing, recreates
            containers whose configuration changed, starts stopped ones, in dependency order,
            each service only once its dependencies are started / healthy / completed. A
            dependency that turns unhealthy fails its dependents at once. Ctrl-C starts nothing
            new, lets the steps in flight finish, and says what was done. The project is the
            one of -f, else --project, else ./manifests, else the one applied last (docs/cli.md).
            """, flags: manifestFlags + [.dryRun, .prune, .pruneVolumes, .wait, .timeout, .noWait, .parallel],
            outputs: ["text", "json"], exitStatus: """
            0 converged, 1 invalid manifests, 2 usage, 3 engine unreachable,
            4 a step failed or a service did not become ready, 5 conflict with an object sutactl
            does not own, 6 project locked (--no-wait), 7 engine error, 9 state directory not writable,
            130 interrupted.
            """),
        CommandSpec(name: "diff", summary: "show what apply would change (exit 1 when something would)", description: """
            Prints the plan apply would carry out, one line per action with its cause, then each
            changed field with its values (`~ resources.memory 64M -> 96M`; a secret shows as
            `(secret changed)`). Needs no secrets: a field group that uses an unset secret is
            listed as `unknown`. `-o json` carries the same steps and changes.
            """, flags: manifestFlags + [.prune, .pruneVolumes], outputs: ["text", "json"], exitStatus: """
            0 nothing would change, 1 something would, 8 nothing would among what could be
            compared but some fields use unset secrets, 2, 3 or 7 an error (nothing compared).
            """),
        CommandSpec(name: "status", summary: "what runs, healthy or not, drifted or not", description: """
            Per service: ready/desired replicas, state, health, probe, container, ports, uptime,
            restarts, and whether it drifted from the manifests; orphans (containers of services
            no longer in the manifests) last. Needs no secrets and writes nothing.
            """, flags: manifestFlags, outputs: ["text", "json"], exitStatus: "0 shown, 2 usage, 3 engine unreachable, 7 engine error."),
        CommandSpec(name: "profile", arguments: "[NAME]", summary: "show the active profile, or switch to another and converge",
                    description: """
            Without NAME, prints the active profile. With NAME, makes it the project's profile and
            converges: starts what it adds, stops and removes what it drops, keeps volumes. The
            profile is remembered in the project's state directory (docs/cli.md).
            """, flags: [.file, .project, .engine, .wait, .timeout, .noWait], outputs: ["text", "json"]),
        CommandSpec(name: "down", summary: "remove the project's containers and networks (volumes with --volumes)", description: """
            Stops every container of the project gracefully (its stop signal, then SIGKILL only
            after its stop_grace_period), dependents before what they depend on, and removes the
            containers and networks; volumes only with --volumes. Needs no secrets. When the
            project is not named by -f, --project or ./manifests but taken from the state
            directory, down says so and asks first (--yes skips; without a terminal it refuses).
            """, flags: [.file, .project, .engine, .downVolumes, .noWait, .yes, .parallel], exitStatus: "0 removed, 2 usage or not confirmed, 4 a step failed."),
        CommandSpec(name: "logs", arguments: "SERVICE", summary: "print a service's output", description: """
            Prints the output of the service's first container; -f follows it. Every secret
            value the container holds prints as ***, found in its own environment, so no
            secret needs to be set.
            """, flags: [.fileLongOnly, .project, .follow, .tail], takesService: true),
        CommandSpec(name: "rollout", arguments: "history|undo SERVICE", summary: "list a service's applied revisions, or go back to one",
                    description: """
            `rollout history SERVICE` lists the configurations the service was applied with (the
            last 10, kept in the state directory each time apply created or recreated its
            container): REVISION, TIME and the CHANGED fields (a secret only as `(secret changed)`);
            --revision N prints one as a manifest (secrets as their ${VAR} references).
            `rollout undo SERVICE` converges that service alone back to the revision before the last
            (or --to-revision N) through apply's plan, with the manifests chosen as apply chooses
            them and secrets from the environment as apply takes them; it records a new revision.
            The next apply goes back to the manifests.
            """, flags: manifestFlags + [.toRevision, .revision, .timeout, .noWait, .parallel], outputs: ["text", "json"],
            exitStatus: """
            0 listed or rolled back, 1 invalid manifests or an unset secret, 2 usage: an unknown
            service or revision, no previous revision (nothing changed), 3, 4, 5, 6, 7, 9 as for apply.
            """, subcommands: ["history", "undo"], takesService: true),
        CommandSpec(name: "breakers", arguments: "[reset NAME]", summary: "show the circuit breakers, or reset one", description: """
            Shows the project's circuit breakers (kong, consul, ollama): closed, open (calls are
            rejected until the retry time) or half-open (a few trial calls decide), with the recent
            failure count. `reset NAME` closes one and empties its window. Settings: the Project's
            `breakers` section (docs/manifests.md).
            """, flags: [.file, .project], outputs: ["text", "json"]),
        CommandSpec(name: "controller", summary: "keep the project converged: react to engine events, resync, reload edits",
                    description: """
            Keeps the project converged until SIGTERM or SIGINT. It follows the engine's events for
            the project and reconciles on die, destroy, stop, kill, oom and unhealthy; resyncs
            everything (containers, gateway, discovery, models) every --resync; applies manifest
            edits after validation (an invalid edit is reported and the last good state kept);
            survives the engine going away (retries with backoff, resyncs when it is back).
            It holds the project lock, as apply does. In engine mode swarm it follows the
            manager's service, node and task events, updates back a service changed by hand
            (replicas, image) and reports a node going down (docs/swarm.md).
            """, flags: manifestFlags + [.resync, .metricsPort, .logFormat], exitStatus: "0 after a clean stop."),
        CommandSpec(name: "graph", summary: "draw the dependency graph of the active profile (dot, mermaid or svg)", description: """
            Prints the dependency graph of the active profile: an edge from each service to what
            it depends on, labelled with the condition (started, healthy, completed); optional
            edges dashed. When the engine answers, services are coloured by live state (healthy
            green, running blue, starting yellow, unhealthy or stopped red, missing grey). `-o svg`
            renders through Graphviz's `dot` (Debian's graphviz); without it, a message and the
            dot text. Needs no secrets.
            """, flags: manifestFlags, outputs: ["dot", "mermaid", "svg"]),
        CommandSpec(name: "schema", summary: "print the JSON Schema of the manifest language", description: """
            Prints a JSON Schema (draft 2020-12) of the manifest language, for editors: with the
            YAML language server, put `# yaml-language-server: $schema=PATH/sutactl.schema.json`
            at the top of a manifest, or map the schema to `manifests/**/*.yaml` in the editor's
            settings. docs/sutactl.schema.json holds a copy.
            """, flags: []),
        CommandSpec(name: "completion", arguments: "bash|zsh|fish", summary: "print shell completion (commands, flags, services, profiles)",
                    description: """
            Prints a completion script for the shell: `source <(sutactl completion bash)`, or put
            `sutactl completion zsh` in a file named `_sutactl` on $fpath, or
            `sutactl completion fish | source`. It completes commands, flags, `-o` values, files
            for `-f`, and the service and profile names of the manifests the command line names
            (read live, as `validate` reads them).
            """, flags: []),
        CommandSpec(name: "version", summary: "print the version", description: "Prints the version of sutactl and the manifest apiVersion it reads.",
                    flags: []),
        CommandSpec(name: "help", arguments: "[COMMAND]", summary: "show help for a command", description: "Shows the help of a command.", flags: []),
    ]

    static func named(_ name: String) -> CommandSpec? { all.first { $0.name == name } }

    /// Commands people type from other tools, and what they are called here.
    static let otherToolsNames = ["ps": "status", "up": "apply", "rm": "down", "delete": "down", "ls": "status", "get": "status"]

    /// The `--help` text.
    var help: String {
        var flagsShown = flags
        if !outputs.isEmpty { flagsShown.append(.output(outputs)) }
        flagsShown.append(.help)
        let usage = "Usage: sutactl \(name)" + (arguments.isEmpty ? "" : " \(arguments)") + (flags.isEmpty ? "" : " [flags]")
        let width = (flagsShown.map(\.synopsis.count).max() ?? 0) + 3
        let lines = flagsShown.map { "  " + $0.synopsis.padded(toLength: width) + $0.help }
        var text = usage + "\n\n" + description + "\n\nFlags:\n" + lines.joined(separator: "\n")
        if let exitStatus { text += "\n\nExit status: " + exitStatus }
        return text
    }
}
