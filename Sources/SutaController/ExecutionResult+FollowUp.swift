import SutaPlan

extension ExecutionResult {
    /// This result and then `next`, whose step IDs start at `offset` (see ``Plan/followed(by:)``).
    func followed(by next: ExecutionResult, offset: Int) -> ExecutionResult {
        var combined = self
        for (id, outcome) in next.outcomes { combined.outcomes[id + offset] = outcome }
        combined.containers.merge(next.containers) { _, later in later }
        combined.engineLost = next.engineLost ?? engineLost
        combined.warnings += next.warnings
        return combined
    }
}
