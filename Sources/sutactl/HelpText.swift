/// The `--help` text of every command.
enum HelpText {
    static let version = "0.1.0"

    static let overview = """
    sutactl: a declarative controller for multi-service platforms on the Docker Engine.

    Usage: sutactl COMMAND [flags]

    Commands:
      validate   check manifests and report every problem (file:line:col)
      config     print the fully resolved desired state (yaml or json)
      apply      converge the engine to the manifests
      diff       show what apply would change (exit 1 when something would)
      status     what runs, healthy or not, drifted or not
      profile    show the active profile, or switch to another and converge
      down       remove the project's containers and networks (volumes with --volumes)
      logs       print a service's output
      breakers   show the circuit breakers (gateway, discovery, model server), or reset one
      controller keep the project converged: react to engine events, resync, reload edits
      version    print the version
      help       show help for a command

    Run `sutactl COMMAND --help` for a command's flags.
    """

    static let manifestFlags = """
      -f, --file PATH        manifest file or directory (repeatable; directories are read
                             recursively, *.yaml and *.yml, in sorted order). Default: manifests/
      -p, --profile NAME     profile to use; NAME may be a comma-separated list of one
                             selecting profile and overlays (repeatable). Default: the
                             profile of the last apply, else the project's default_profile
          --project NAME     project name instead of the Project document's
    """

    static let apply = """
    Usage: sutactl apply [-f PATH]... [--profile NAME] [--dry-run] [--prune [--volumes]] [--wait]
                         [--timeout D] [--no-wait] [--parallel N] [-o text|json]

    Observes the engine, plans, and converges: creates what is missing, recreates containers
    whose configuration changed, starts stopped ones, in dependency order, each service only
    once its dependencies are started / healthy / completed. Without -f and --profile it uses
    the paths and profile of the project's last apply.

    Flags:
    \(manifestFlags)
          --dry-run          print the plan and change nothing
          --prune            remove owned containers and networks no longer desired
          --volumes          with --prune, remove owned volumes no longer desired too
          --wait             wait until every service runs and is healthy
          --timeout D        bound on each dependency wait and on --wait (default 5m)
          --no-wait          fail at once when another sutactl holds the project lock
          --parallel N       actions in flight at once (default 8)
      -o, --output FORMAT    text (default) or json

    Exit status: 0 converged, 1 invalid manifests, 2 usage, 3 engine unreachable,
    4 a step failed or a service did not become ready, 5 conflict with an object sutactl
    does not own, 6 project locked (--no-wait), 7 engine error.
    """

    static let diff = """
    Usage: sutactl diff [-f PATH]... [--profile NAME] [--prune [--volumes]]

    Prints the plan apply would carry out, one line per action with its cause.
    Exit status: 0 nothing would change, 1 something would, 2 or more an error.
    """

    static let status = """
    Usage: sutactl status [-f PATH]... [--profile NAME] [-o text|json]

    Per service: in the active profile or not, state, health, container, ports, uptime,
    restarts, and whether it drifted from the manifests. Without -f it uses the project
    of the last apply.
    """

    static let profile = """
    Usage: sutactl profile [NAME] [-f PATH]... [--wait] [--timeout D]

    Without NAME, prints the active profile. With NAME, makes it the project's profile and
    converges: starts what it adds, stops and removes what it drops, keeps volumes. The
    profile is remembered in the project's state directory (docs/cli.md).
    """

    static let down = """
    Usage: sutactl down [-f PATH]... [--volumes] [--no-wait]

    Removes every container and network of the project; volumes only with --volumes.
    """

    static let breakers = """
    Usage: sutactl breakers [reset NAME] [-f PATH]... [-o text|json]

    Shows the project's circuit breakers (kong, consul, ollama): closed, open (calls are
    rejected until the retry time) or half-open (a few trial calls decide), with the recent
    failure count. `reset NAME` closes one and empties its window. Settings: the Project's
    `breakers` section (docs/manifests.md).
    """

    static let controller = """
    Usage: sutactl controller [-f PATH]... [--profile NAME] [--resync D] [--metrics-port N]
                              [--log-format text|json]

    Keeps the project converged until SIGTERM or SIGINT. It follows the engine's events for
    the project and reconciles on die, destroy, stop, kill, oom and unhealthy; resyncs
    everything (containers, gateway, discovery, models) every --resync (default 30s); applies
    manifest edits after validation (an invalid edit is reported and the last good state
    kept); survives the engine going away (retries with backoff, resyncs when it is back).
    It holds the project lock, as apply does. Without -f and --profile it uses those of the
    project's last apply.

    Flags:
    \(manifestFlags)
          --resync D         full resync interval (default 30s)
          --metrics-port N   serve Prometheus metrics on 127.0.0.1:N/metrics and /healthz
          --log-format F     text (default) or json, one line per event

    Exit status: 0 after a clean stop.
    """

    static let logs = """
    Usage: sutactl logs SERVICE [-f PATH]... [--follow] [--tail N]

    Prints the output of the service's first container.
    """

    static let validate = """
    Usage: sutactl validate [-f PATH]... [--profile NAME] [-o text|json]

    Checks the manifests under the active profile and prints every problem as
    `file:line:col: error: message`, with a hint where one helps.

    Flags:
    \(manifestFlags)
      -o, --output FORMAT    text (default) or json

    Exit status: 0 valid (warnings allowed), 1 invalid, 2 usage error.
    """

    static let config = """
    Usage: sutactl config [-f PATH]... [--profile NAME] [-o yaml|json]

    Prints the fully resolved desired state of the active profile: variables expanded,
    profile overrides merged, optional dependencies outside the profile dropped.
    Secret values print as ***. The JSON form is a contract for scripts (docs/cli.md).

    Flags:
    \(manifestFlags)
      -o, --output FORMAT    yaml (default) or json

    Exit status: 0 printed, 1 invalid manifests, 2 usage error.
    """

    static let versionHelp = """
    Usage: sutactl version

    Prints the version of sutactl and the manifest apiVersion it reads.
    """

    static func text(for command: String) -> String? {
        switch command {
        case "validate": validate
        case "config": config
        case "version": versionHelp
        case "apply": apply
        case "diff": diff
        case "status": status
        case "profile": profile
        case "down": down
        case "logs": logs
        case "breakers": breakers
        case "controller": controller
        case "help": overview
        default: nil
        }
    }
}
