/// Process exit statuses (docs/cli.md).
enum ExitStatus: Int32 {
    case success = 0
    /// Invalid manifests (or, for `diff`, changes pending).
    case invalid = 1
    case usage = 2
}
