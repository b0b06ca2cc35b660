extension Duration {
    /// Whole nanoseconds (rounded toward zero), the unit of the engine's healthcheck
    /// durations.
    var wholeNanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
