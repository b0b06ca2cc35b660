extension Plan {
    /// This plan and then `next` (the plan of a later look in the same apply), as one plan:
    /// `next`'s steps numbered after these, its pending parts replacing these (they were
    /// planned), its problems added.
    public func followed(by next: Plan) -> Plan {
        let offset = steps.count
        var combined = self
        combined.steps += next.steps.map { step in
            var step = step
            step.id += offset
            step.after = step.after.map { $0 + offset }
            return step
        }
        combined.pending = next.pending
        combined.awaiting = next.awaiting
        combined.problems += next.problems.filter { !problems.contains($0) }
        return combined
    }
}
