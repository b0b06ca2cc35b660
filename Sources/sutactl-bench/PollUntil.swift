import SutaModel
/// The benchmarks' wait for a state they watch the engine for.
enum PollUntil {
    /// Seconds from `start` until `condition` holds, asking every `interval`; nil when `limit`
    /// passed first or `givingUp` said to stop (the tool under test failed).
    static func seconds(from start: ContinuousClock.Instant, limit: Duration, every interval: Duration,
                        givingUp: () -> Bool = { false }, _ condition: () async -> Bool) async -> Double? {
        while ContinuousClock.now - start < limit {
            if await condition() { return (ContinuousClock.now - start).inSeconds }
            if givingUp() { return nil }
            try? await Task.sleep(for: interval)
        }
        return nil
    }
}
