import Foundation

/// One of the two tools the side-by-side benchmark compares, with its project (a name of the
/// benchmark's own), the directory its files are in, and the commands of each phase.
struct ComparedTool {
    enum Kind: String {
        case sutactl
        case compose
    }

    let kind: Kind
    let project: String
    let directory: URL
    /// The sutactl binary or docker-compose.
    let executable: String

    /// The command `up -d` / `apply` (cold, no-op and the one change alike).
    var up: [String] {
        switch kind {
        case .sutactl: [executable, "apply", "-f", "manifests", "--project", project]
        case .compose: [executable, "-p", project, "-f", "compose.yaml", "up", "-d"]
        }
    }

    /// The graceful `down`, volumes too.
    var down: [String] {
        switch kind {
        case .sutactl: [executable, "down", "-f", "manifests", "--project", project, "--volumes"]
        case .compose: [executable, "-p", project, "-f", "compose.yaml", "down", "-v"]
        }
    }

    /// The label every container, network and volume of the project carries.
    var label: String {
        switch kind {
        case .sutactl: "sutactl.project=\(project)"
        case .compose: "com.docker.compose.project=\(project)"
        }
    }
}
