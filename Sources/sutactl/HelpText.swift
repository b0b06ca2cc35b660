/// The `--help` text of every command.
enum HelpText {
    static let version = "0.1.0"

    static let overview = """
    sutactl: a declarative controller for multi-service platforms on the Docker Engine.

    Usage: sutactl COMMAND [flags]

    Commands:
      validate   check manifests and report every problem (file:line:col)
      config     print the fully resolved desired state (yaml or json)
      version    print the version
      help       show help for a command

    Run `sutactl COMMAND --help` for a command's flags.
    """

    static let manifestFlags = """
      -f, --file PATH        manifest file or directory (repeatable; directories are read
                             recursively, *.yaml and *.yml, in sorted order). Default: manifests/
      -p, --profile NAME     profile to use; NAME may be a comma-separated list of one
                             selecting profile and overlays (repeatable). Default: the
                             project's default_profile
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
        case "help": overview
        default: nil
        }
    }
}
