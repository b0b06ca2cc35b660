/// Which output of a container a piece of log belongs to: the stream byte of a
/// multiplexed log frame.
public enum LogStream: UInt8, Sendable {
    /// Standard input (only when attached with stdin).
    case stdin = 0
    /// Standard output.
    case stdout = 1
    /// Standard error.
    case stderr = 2
    /// An error the engine itself reports in the middle of the stream.
    case system = 3
}
