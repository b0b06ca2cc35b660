import Foundation

/// One of the tools a side-by-side benchmark compares, with its project (a name of the
/// benchmark's own), the directory its files are in, and the commands of each phase. sutactl's
/// commands are the same on a swarm (the manifests' Project says `engine: {mode: swarm}`);
/// `docker stack deploy` talks to the manager its environment's DOCKER_HOST names.
struct ComparedTool {
    enum Kind: String {
        case sutactl
        case compose
        case stack
    }

    let kind: Kind
    let project: String
    let directory: URL
    /// The sutactl binary, docker-compose or docker.
    let executable: String

    /// The command `up -d` / `apply` / `stack deploy` (cold, no-op and the one change alike).
    var up: [String] {
        switch kind {
        case .sutactl: [executable, "apply", "-f", "manifests", "--project", project]
        case .compose: [executable, "-p", project, "-f", "compose.yaml", "up", "-d"]
        case .stack: [executable, "stack", "deploy", "--resolve-image", "never", "-c", "compose.yaml", project]
        }
    }

    /// The graceful `down`, volumes too (`stack rm`, which returns once the services are
    /// removed, has no such option; on a swarm neither tool removes the nodes' volumes).
    var down: [String] {
        switch kind {
        case .sutactl: [executable, "down", "-f", "manifests", "--project", project, "--volumes"]
        case .compose: [executable, "-p", project, "-f", "compose.yaml", "down", "-v"]
        case .stack: [executable, "stack", "rm", project]
        }
    }

    /// The label every container, network and volume of the project carries (on a swarm:
    /// every service, its tasks, and the network).
    var label: String {
        switch kind {
        case .sutactl: "sutactl.project=\(project)"
        case .compose: "com.docker.compose.project=\(project)"
        case .stack: "com.docker.stack.namespace=\(project)"
        }
    }
}
