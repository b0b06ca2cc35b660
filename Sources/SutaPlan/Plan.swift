/// What apply would change, in order, with causes. Rendered as deterministic text for
/// `diff` and golden tests.
public struct Plan: Sendable, Hashable {
    public var steps: [PlanStep]
    /// Foreign objects in the way; a plan with conflicts must not be executed.
    public var conflicts: [PlanConflict]
    /// Active services that need nothing.
    public var unchanged: [String]
    /// Owned containers of services not active, kept because prune was not asked for.
    public var leftovers: [String]
    /// Owned containers of services the manifests no longer declare, kept because prune was not asked for.
    public var orphans: [String] = []
    /// What could not be compared: `service db: environment (DB_PASSWORD unset)`.
    public var unknown: [String] = []
    /// Supervised services whose restart waits for its backoff: seconds from now. The
    /// controller looks again then (a pass never sleeps).
    public var requeue: [String: Double] = [:]
    /// Supervised services held as crash-looping, with why.
    public var held: [String: String] = [:]
    /// Integration parts planned on the next look (after this plan's container steps, or
    /// after a model's pull): `gateway: planned once service kong runs again ...`.
    public var pending: [String] = []
    /// The services the pending parts wait for: the next look comes once they are ready.
    public var awaiting: [String] = []
    /// What cannot be done with the gateway, discovery agent or model server: unreadable,
    /// a port not published, a name of another owner. Apply reports each as an error.
    public var problems: [String] = []

    public init(steps: [PlanStep], conflicts: [PlanConflict], unchanged: [String], leftovers: [String]) {
        self.steps = steps
        self.conflicts = conflicts
        self.unchanged = unchanged
        self.leftovers = leftovers
    }

    public var isEmpty: Bool { steps.isEmpty }

    /// `1.5s`, for backoffs.
    static func seconds(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.up))
        return "\(tenths / 10).\(tenths % 10)s"
    }

    /// The plan as a DAG, one line per step, for golden tests:
    /// `[0, 2] -> #3 create service web (container p-web-1): not found {waits for db healthy}`.
    public var graphText: String {
        steps.map { step in
            let object = step.action.object.isEmpty ? "" : " (\(step.action.object))"
            let waits = step.waitFor.isEmpty ? "" : " {waits for " + step.waitFor.map { "\($0.service) \($0.condition.rawValue)" }
                .joined(separator: ", ") + "}"
            let ports = step.freeHostPorts.isEmpty ? "" : " {ports free: " + step.freeHostPorts.map(\.description).joined(separator: ", ") + "}"
            let rollout = step.rollout.map { " " + $0.text } ?? ""
            return "[\(step.after.map(String.init).joined(separator: ", "))] -> #\(step.id) \(step.action.verb) \(step.action.subject)\(object): "
                + step.cause + waits + ports + rollout + "\n"
        }.joined()
    }

    /// Lines about what the plan leaves alone: orphans, services outside the profile, and
    /// fields that could not be compared.
    public var notes: [String] {
        var lines: [String] = []
        if !orphans.isEmpty {
            lines.append("orphans (no longer in the manifests; kept, --prune removes them): \(orphans.joined(separator: ", "))")
        }
        if !leftovers.isEmpty {
            lines.append("not in the active profile (kept; --prune removes them): \(leftovers.joined(separator: ", "))")
        }
        lines += unknown.map { "unknown: \($0)" }
        lines += requeue.sorted(by: { $0.key < $1.key }).map { "restart service \($0.key) in \(Plan.seconds($0.value)): backoff" }
        lines += held.sorted(by: { $0.key < $1.key }).map {
            "held service \($0.key): crash-looping (\($0.value)); left as it is (its routes and registration too) until the manifests change"
        }
        lines += pending.map { "pending: \($0)" }
        return lines
    }

    /// One line per step: `create service postgres (container p-postgres-1): not found`.
    public var text: String {
        var lines = conflicts.map { "conflict: \($0)" }
        for step in steps {
            let object = step.action.object.isEmpty ? "" : " (\(step.action.object))"
            lines.append("\(step.action.verb) \(step.action.subject)\(object): \(step.cause)")
            lines += step.changes.map { "    " + $0.text }
        }
        lines += notes
        if steps.isEmpty && conflicts.isEmpty { lines.append("no changes: \(unchanged.count) services up to date") }
        return lines.joined(separator: "\n") + "\n"
    }
}
