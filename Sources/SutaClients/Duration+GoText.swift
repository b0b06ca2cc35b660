extension Duration {
    /// The duration as Go's `time.ParseDuration` reads it, in the largest unit that divides it
    /// exactly: `90m`, `10s`, `1500ms` (Consul takes durations as such strings, not numbers).
    /// Below a millisecond it rounds up to `1ms`; negative durations become `0s`.
    var goText: String {
        let (seconds, attoseconds) = components
        let milliseconds = max(0, seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
        switch milliseconds {
        case 0: return "0s"
        case _ where milliseconds % 3_600_000 == 0: return "\(milliseconds / 3_600_000)h"
        case _ where milliseconds % 60_000 == 0: return "\(milliseconds / 60_000)m"
        case _ where milliseconds % 1000 == 0: return "\(milliseconds / 1000)s"
        default: return "\(milliseconds)ms"
        }
    }
}
