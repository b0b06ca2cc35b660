/// One command-line flag: its spellings, the value it takes, and its help line. The parser
/// and `--help` read the same values, so help cannot drift from what is accepted.
struct Flag: Sendable {
    /// What the flag sets in `CommandOptions`.
    enum Key: Sendable {
        case file, profile, project, engine, output, dryRun, prune, volumes, wait, timeout, noWait, parallel
        case follow, tail, yes, resync, metricsPort, logFormat, help, outputDirectory, force, toRevision, revision
    }

    var key: Key
    /// `-f`, `--file`: the short spelling (if any) first.
    var names: [String]
    /// The value's placeholder (`PATH`), nil for a switch.
    var value: String?
    var help: String

    static let file = Flag(key: .file, names: ["-f", "--file"], value: "PATH",
                           help: "manifest file or directory (repeatable; directories recursively, *.yaml and *.yml)")
    /// `logs` keeps `-f` for --follow, as docker, compose and kubectl do.
    static let fileLongOnly = Flag(key: .file, names: ["--file"], value: "PATH", help: file.help)
    static let profile = Flag(key: .profile, names: ["-p", "--profile"], value: "NAME",
                              help: "profile, or comma-separated selecting profile and overlays (repeatable)")
    static let project = Flag(key: .project, names: ["--project"], value: "NAME",
                              help: "act on this project (and name the manifests' project so)")
    static let engine = Flag(key: .engine, names: ["--engine"], value: "MODE",
                             help: "docker (containers on one engine) or swarm (services on a swarm); overrides the Project's engine.mode")
    static func output(_ formats: [String]) -> Flag {
        Flag(key: .output, names: ["-o", "--output"], value: "FORMAT",
             help: formats.joined(separator: " or ") + " (default \(formats[0]))")
    }
    static let dryRun = Flag(key: .dryRun, names: ["--dry-run"], help: "print the plan and change nothing")
    static let prune = Flag(key: .prune, names: ["--prune"], help: "remove owned containers and networks no longer desired (orphans too)")
    static let pruneVolumes = Flag(key: .volumes, names: ["--volumes"], help: "with --prune, remove owned volumes no longer desired too")
    static let downVolumes = Flag(key: .volumes, names: ["--volumes"], help: "remove the project's volumes too (their data is lost)")
    static let wait = Flag(key: .wait, names: ["--wait"], help: "wait until every service runs and is healthy")
    static let timeout = Flag(key: .timeout, names: ["--timeout"], value: "D", help: "bound on each dependency wait and on --wait (default 5m)")
    static let noWait = Flag(key: .noWait, names: ["--no-wait"], help: "fail at once when another sutactl holds the project lock")
    static let parallel = Flag(key: .parallel, names: ["--parallel"], value: "N", help: "actions in flight at once (default 8)")
    static let follow = Flag(key: .follow, names: ["-f", "--follow"], help: "keep printing new output until Ctrl-C")
    static let tail = Flag(key: .tail, names: ["--tail"], value: "N", help: "only the last N lines")
    static let yes = Flag(key: .yes, names: ["-y", "--yes"], help: "do not ask before removing a project chosen from the state directory")
    static let resync = Flag(key: .resync, names: ["--resync"], value: "D", help: "full resync interval (default 30s)")
    static let metricsPort = Flag(key: .metricsPort, names: ["--metrics-port"], value: "N",
                                  help: "serve Prometheus metrics on 127.0.0.1:N/metrics and /healthz")
    static let logFormat = Flag(key: .logFormat, names: ["--log-format"], value: "F", help: "text (default) or json, one line per event")
    /// `convert` writes files: its `-o` names a directory, not a format.
    static let outputDirectory = Flag(key: .outputDirectory, names: ["-o", "--output"], value: "DIR",
                                      help: "write the manifests as files in DIR (default: print them)")
    static let force = Flag(key: .force, names: ["--force"], help: "with -o, replace files that exist")
    static let toRevision = Flag(key: .toRevision, names: ["--to-revision"], value: "N",
                                 help: "rollout undo: go back to revision N (default: the one before the last)")
    static let revision = Flag(key: .revision, names: ["--revision"], value: "N", help: "rollout history: show revision N as a manifest")
    static let help = Flag(key: .help, names: ["-h", "--help"], help: "show this help")

    /// `-f, --file PATH` as shown in help.
    var synopsis: String {
        let spelled = names.count > 1 ? names.joined(separator: ", ") : "    " + names[0]
        return value.map { "\(spelled) \($0)" } ?? spelled
    }
}
