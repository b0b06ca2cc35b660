/// Where the project a command acts on came from. One rule for every command: `-f` given ->
/// those manifests; else `--project` -> that project; else `./manifests` -> its project;
/// else the project used last (the state directory's `current`).
public enum ProjectSource: Sendable, Equatable {
    /// `-f` paths, as typed.
    case files([String])
    /// `--project NAME`.
    case projectFlag
    /// `manifests/` in the working directory.
    case workingDirectory
    /// The project applied last, with the manifest paths it was applied from.
    case remembered(paths: [String])

    /// `from -f manifests/`, for the `project NAME (...)` line mutating commands print first.
    public var explanation: String {
        switch self {
        case .files(let paths): "from " + paths.map { "-f \($0)" }.joined(separator: " ")
        case .projectFlag: "from --project"
        case .workingDirectory: "from ./manifests"
        case .remembered(let paths):
            "remembered: the last project applied" + (paths.isEmpty ? "" : ", from " + paths.joined(separator: ", "))
        }
    }

    /// True when the user did not name the project here: it came from the state directory.
    public var isRemembered: Bool { if case .remembered = self { true } else { false } }
}
