/// A request that could not be completed: the endpoint was unreachable, the time limit ran
/// out, the task was cancelled, or the connection or the server's reply broke down.
///
/// A response with a 4xx or 5xx status is not an `HTTPError`; it arrives as an
/// ``HTTPResponse`` and the caller decides what the status means.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for callers that react differently to each case.
    public var kind: Kind
    /// A sentence a person can act on. It names the endpoint (socket path or host:port),
    /// e.g. `cannot connect to /var/run/docker.sock: No such file or directory`.
    public var message: String

    /// Creates an error of the given kind.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
