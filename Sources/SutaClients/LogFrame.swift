/// One frame of a multiplexed log stream: a stream and its payload.
public struct LogFrame: Sendable, Equatable {
    /// Where the payload was written.
    public var stream: LogStream
    /// The bytes written.
    public var payload: [UInt8]

    /// Creates a frame.
    public init(stream: LogStream, payload: [UInt8]) {
        self.stream = stream
        self.payload = payload
    }
}
