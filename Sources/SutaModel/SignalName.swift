/// The stop signals the engine accepts (moby's `signal.ParseSignal` on Linux): a name from its
/// signal map in any case, with or without `SIG` (`SIGTERM`, `TERM`, `sigterm`, `RTMIN+3`), or
/// a number the map holds (1 to 31 and 34 to 64).
enum SignalName {
    /// The names of moby's Linux signal map, without `SIG`.
    static let names: [String] = [
        "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL",
        "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1",
        "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX",
    ] + (1...15).map { "RTMIN+\($0)" } + (1...14).map { "RTMAX-\($0)" }
    private static let nameSet = Set(names)
    /// Signal numbers the map holds: 32 and 33 are the C library's own real-time signals.
    static let numbers: [ClosedRange<Int>] = [1...31, 34...64]

    /// True when the engine takes `text` as a stop signal.
    static func isValid(_ text: String) -> Bool {
        if !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }) {
            guard let number = Int(text) else { return false }
            return numbers.contains { $0.contains(number) }
        }
        let upper = text.uppercased()
        return nameSet.contains(upper.hasPrefix("SIG") ? String(upper.dropFirst(3)) : upper)
    }
}
