import SutaErrors
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
    /// The engine, or the gateway, discovery agent or model server, refused, failed or could
    /// not be read.
    case engineError = 7
    /// `diff`: nothing to change among what could be compared, but fields using unset secrets
    /// could not be compared.
    case incomplete = 8
    /// The state directory (lock, audit log, state files) cannot be created or written;
    /// apply, profile, down and controller stop before their first engine call.
    case stateUnwritable = 9
    /// Interrupted by Ctrl-C (128 + SIGINT, as shells report it).
    case interrupted = 130

    init(_ code: SutaError.Code) {
        self = switch code {
        case .usage: .usage
        case .validation: .invalid
        case .engineUnreachable: .engineUnreachable
        case .engine, .notFound, .unavailable, .rejected, .malformedReply: .engineError
        case .io: .stateUnwritable
        case .conflict: .conflict
        case .locked: .locked
        }
    }
}
