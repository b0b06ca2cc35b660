/// Turns a byte stream that arrives in arbitrary chunks into complete lines, incrementally,
/// for newline-delimited JSON streams such as Docker's events and image-pull progress.
///
/// ```swift
/// var lines = LineSplitter()
/// for line in lines.append(chunk) { handle(line) }   // per chunk
/// if let last = lines.finish() { handle(last) }       // at the end of the stream
/// ```
public struct LineSplitter: Sendable, Equatable {
    private var pending: [UInt8] = []

    /// Creates an empty splitter.
    public init() {}

    /// Adds the next chunk and returns the lines it completes, in order, without their
    /// terminator (`\n` or `\r\n`). Empty lines are returned as empty arrays. Bytes after
    /// the last newline are kept for the next call.
    public mutating func append(_ chunk: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = chunk.startIndex
        while let newline = chunk[start...].firstIndex(of: UInt8(ascii: "\n")) {
            pending.append(contentsOf: chunk[start..<newline])
            if pending.last == UInt8(ascii: "\r") { pending.removeLast() }
            lines.append(pending)
            pending.removeAll(keepingCapacity: true)
            start = chunk.index(after: newline)
        }
        pending.append(contentsOf: chunk[start...])
        return lines
    }

    /// Returns the bytes after the last newline, if any (a final line without a
    /// terminator), and empties the splitter.
    public mutating func finish() -> [UInt8]? {
        defer { pending = [] }
        return pending.isEmpty ? nil : pending
    }
}
