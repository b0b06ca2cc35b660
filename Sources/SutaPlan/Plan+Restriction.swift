extension Plan {
    /// The part of this plan that concerns `services` only (`rollout undo` converges one
    /// service): their steps and the steps those need first (a network, a volume, a build),
    /// renumbered in order; the other services' steps, orphans and leftovers, and the parts
    /// planned for later, left out. nil keeps the whole plan.
    public func restricted(to services: Set<String>?) -> Plan {
        guard let services else { return self }
        var kept = Set(steps.filter { $0.action.service.map(services.contains) ?? false }.map(\.id))
        var frontier = Array(kept)
        while let id = frontier.popLast() {
            for earlier in steps.first(where: { $0.id == id })?.after ?? [] where kept.insert(earlier).inserted {
                frontier.append(earlier)
            }
        }
        let remaining = steps.filter { kept.contains($0.id) }
        let number = Dictionary(uniqueKeysWithValues: remaining.enumerated().map { ($0.element.id, $0.offset) })
        var plan = Plan(steps: remaining.map { step in
            var step = step
            step.id = number[step.id]!
            step.after = step.after.compactMap { number[$0] }
            return step
        }, conflicts: conflicts, unchanged: unchanged.filter(services.contains), leftovers: [])
        plan.unknown = unknown.filter { entry in services.contains { entry.hasPrefix("service \($0): ") } }
        plan.requeue = requeue.filter { services.contains($0.key) }
        plan.held = held.filter { services.contains($0.key) }
        plan.problems = problems
        return plan
    }
}
