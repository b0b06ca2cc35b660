#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import Synchronization
import SutaController
import SutaPlan

/// Shows apply progress: on a terminal, one live line per step redrawn in place; otherwise
/// one plain line per event. Colour only on a terminal and never with NO_COLOR set.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = Mutex(())
    private let live: Bool
    private let color: Bool
    private var order: [Int] = []
    private var lines: [Int: String] = [:]
    private var drawn = 0

    /// Services with more than one replica: their lines name the replica.
    private let replicated: Set<String>

    init(environment: [String: String], quiet: Bool, replicated: Set<String> = []) {
        self.replicated = replicated
        let terminal = isatty(STDOUT_FILENO) == 1 && environment["TERM"] != "dumb"
        live = terminal && !quiet
        color = terminal && environment["NO_COLOR"] == nil
        self.quiet = quiet
    }

    private let quiet: Bool

    func handle(_ event: ProgressEvent) {
        guard !quiet else { return }
        lock.withLock { _ in
            let (step, text): (PlanStep, String) = switch event {
            case .started(let step): (step, progressVerb(step.action) + "…")
            case .waiting(let step, let what): (step, "waiting for \(what)")
            case .finished(let step, .succeeded, let took): (step, paint(pastVerb(step.action), 32) + " (\(seconds(took)))")
            case .finished(let step, .failed(let why), _): (step, paint("failed: \(why)", 31))
            case .finished(let step, .skipped(let why), _): (step, paint(why, 33))
            // A build's output: each line when not live, the latest in the step's line when live.
            case .output(let step, let output): (step, live ? progressVerb(step.action) + "… " + output.prefix(60) : "  " + output)
            }
            let line = "\(subject(step.action)): \(text)"
            if !live {
                Console.out(line)
                return
            }
            if lines[step.id] == nil { order.append(step.id) }
            lines[step.id] = line
            redraw()
        }
    }

    private func redraw() {
        var output = drawn > 0 ? "\u{1B}[\(drawn)A" : ""
        for id in order { output += "\r\u{1B}[2K" + (lines[id] ?? "") + "\n" }
        drawn = order.count
        DescriptorOutput.write(output, to: STDOUT_FILENO)
    }

    /// `service web` for one replica, `service web (replica 2)` where there are several.
    private func subject(_ action: PlanAction) -> String {
        let replica: Int? = switch action {
        case .createContainer(_, let replica, _), .recreateContainer(_, let replica, _, _, _, _), .startContainer(_, let replica, _, _): replica
        case .removeContainer(_, let name, _, _): name.split(separator: "-").last.flatMap { Int($0) }
        default: nil
        }
        guard let replica, replica > 1 || replicated.contains(action.service ?? "") else { return action.subject }
        return "\(action.subject) (replica \(replica))"
    }

    private func paint(_ text: String, _ code: Int) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    private func progressVerb(_ action: PlanAction) -> String {
        switch action.verb {
        case "create": "creating"
        case "recreate": "recreating"
        case "start": "starting"
        case "update": "updating"
        case "load": "loading"
        case "register": "registering"
        case "deregister": "deregistering"
        case "pull": "pulling"
        case "preload": "preloading"
        case "build": "building"
        case "restore": "restoring"
        default: "removing"
        }
    }

    private func pastVerb(_ action: PlanAction) -> String {
        switch action.verb {
        case "create": "created"
        case "recreate": "recreated"
        case "start": "started"
        case "update": "updated"
        case "load": "loaded"
        case "register": "registered"
        case "deregister": "deregistered"
        case "pull": "pulled"
        case "preload": "preloaded"
        case "build": "built"
        case "restore": "restored"
        default: "removed"
        }
    }

    private func seconds(_ duration: Duration) -> String {
        DecimalText.fixed(duration.inSeconds, digits: 1) + "s"
    }
}
