import SutaController

/// Process exit statuses (docs/cli.md).
enum ExitStatus: Int32 {
    case success = 0
    /// Invalid manifests; for `diff`, changes are pending.
    case invalid = 1
    case usage = 2
    case engineUnreachable = 3
    /// apply, profile or down ran, and a step failed or a service did not become ready.
    case applyFailed = 4
    /// An object in the way that sutactl does not own.
    case conflict = 5
    /// Another sutactl holds the project lock (`--no-wait`).
    case locked = 6
    /// The engine refused or failed a request.
    case engineError = 7

    init(_ code: ControllerError.Code) {
        self = switch code {
        case .usage: .usage
        case .validation: .invalid
        case .engineUnreachable: .engineUnreachable
        case .engine, .io, .notFound: .engineError
        case .conflict: .conflict
        case .locked: .locked
        }
    }
}
