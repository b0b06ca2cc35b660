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

    public init(steps: [PlanStep], conflicts: [PlanConflict], unchanged: [String], leftovers: [String]) {
        self.steps = steps
        self.conflicts = conflicts
        self.unchanged = unchanged
        self.leftovers = leftovers
    }

    public var isEmpty: Bool { steps.isEmpty }

    /// One line per step: `create service postgres (container p-postgres-1): not found`.
    public var text: String {
        var lines = conflicts.map { "conflict: \($0)" }
        for step in steps {
            let object = step.action.object.isEmpty ? "" : " (\(step.action.object))"
            lines.append("\(step.action.verb) \(step.action.subject)\(object): \(step.cause)")
        }
        if !leftovers.isEmpty {
            lines.append("not in the active profile (kept; --prune removes them): \(leftovers.joined(separator: ", "))")
        }
        if steps.isEmpty && conflicts.isEmpty { lines.append("no changes: \(unchanged.count) services up to date") }
        return lines.joined(separator: "\n") + "\n"
    }
}
