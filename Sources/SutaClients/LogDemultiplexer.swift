/// Splits the multiplexed log stream of a container without a TTY into frames,
/// incrementally: chunks may end anywhere, even inside a header.
///
/// Each frame is an 8-byte header `[STREAM, 0, 0, 0, SIZE (UInt32, big-endian)]` followed
/// by SIZE bytes of payload. A header with an unknown stream byte means the stream is not
/// multiplexed after all: ``failure`` says so and everything after it is ignored.
public struct LogDemultiplexer: Sendable, Equatable {
    private var pending: [UInt8] = []
    /// Why the stream could not be split, once it could not.
    public private(set) var failure: String?

    /// Creates a demultiplexer at the start of a stream.
    public init() {}

    /// Whether the bytes so far ended exactly at a frame boundary.
    public var isAtFrameBoundary: Bool { pending.isEmpty }

    /// Takes the next chunk; returns the frames it completes, in order.
    public mutating func append(_ chunk: [UInt8]) -> [LogFrame] {
        guard failure == nil else { return [] }
        pending += chunk
        var frames: [LogFrame] = []
        var offset = 0
        while pending.count - offset >= 8 {
            guard let stream = LogStream(rawValue: pending[offset]), pending[offset + 1..<offset + 4].allSatisfy({ $0 == 0 }) else {
                failure = "invalid log frame header \(pending[offset..<offset + 8].map { String($0) }.joined(separator: " ")): the stream is not multiplexed"
                pending = []
                return frames
            }
            let size = pending[offset + 4..<offset + 8].reduce(0) { $0 << 8 | Int($1) }
            guard pending.count - offset - 8 >= size else { break }
            frames.append(LogFrame(stream: stream, payload: Array(pending[offset + 8..<offset + 8 + size])))
            offset += 8 + size
        }
        pending.removeFirst(offset)
        return frames
    }
}
