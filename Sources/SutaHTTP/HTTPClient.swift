/// Sends HTTP/1.1 requests to one ``HTTPEndpoint`` through libcurl.
///
/// Safe to share between tasks: each request checks out its own libcurl handle from a small
/// pool (so connections are kept alive and reused) and runs the blocking transfer on a
/// thread of its own, never on the cooperative thread pool, so many slow or long-lived
/// requests do not starve Swift concurrency. Cancelling the calling task aborts the transfer
/// (within about a second) with ``HTTPError/Kind-swift.enum/cancelled``.
public final class HTTPClient: Sendable {
    /// Where requests go.
    public let endpoint: HTTPEndpoint
    /// The longest a request may wait for its connection to be established.
    public let connectTimeout: Duration
    /// The time limit of ``send(_:)`` for requests without a ``HTTPRequest/timeout``.
    public let requestTimeout: Duration
    private let handles: CurlHandlePool

    /// Creates a client for `endpoint`.
    /// - Parameters:
    ///   - connectTimeout: applies to every request, streams included.
    ///   - requestTimeout: the default total limit of ``send(_:)``.
    ///   - idleConnections: how many idle handles (and their open connections) to keep.
    public init(
        endpoint: HTTPEndpoint,
        connectTimeout: Duration = .seconds(5),
        requestTimeout: Duration = .seconds(60),
        idleConnections: Int = 4
    ) {
        self.endpoint = endpoint
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        handles = CurlHandlePool(capacity: idleConnections)
    }

    /// Sends `request` and returns the complete response, whatever its status.
    ///
    /// The request's ``HTTPRequest/timeout`` (or else ``requestTimeout``) limits the whole
    /// exchange. Throws ``HTTPError`` when no response arrives: no connection, timeout,
    /// cancellation, a broken connection or an invalid reply.
    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        let transfer = try HTTPTransfer(
            request, endpoint: endpoint, connectTimeout: connectTimeout,
            timeout: request.timeout ?? requestTimeout, onChunk: nil
        )
        return try await run(transfer)
    }

    /// Sends `request` and hands the body of a successful (2xx) response to `onChunk`, piece
    /// by piece as it arrives, for streaming endpoints (Docker events, image pull, logs).
    ///
    /// There is no total time limit unless the request sets ``HTTPRequest/timeout``; the
    /// connect timeout applies. `onChunk` runs on the transfer's thread, one call at a time;
    /// split the chunks into lines with a ``LineSplitter``. Returns when the server ends the
    /// response: the status and headers, with an empty body for a 2xx status. A response
    /// with any other status is not a stream, and its body (typically an error document)
    /// is returned in the response instead of going to `onChunk`.
    ///
    /// Cancel the calling task to stop a stream that does not end by itself; that throws
    /// ``HTTPError/Kind-swift.enum/cancelled``.
    public func stream(
        _ request: HTTPRequest,
        onChunk: sending @escaping ([UInt8]) -> Void
    ) async throws(HTTPError) -> HTTPResponse {
        let transfer = try HTTPTransfer(
            request, endpoint: endpoint, connectTimeout: connectTimeout,
            timeout: request.timeout, onChunk: onChunk
        )
        return try await run(transfer)
    }

    /// Runs `transfer` on a new thread with a pooled handle and waits for it without
    /// blocking the cooperative pool; cancellation of the task aborts the transfer.
    private func run(_ transfer: HTTPTransfer) async throws(HTTPError) -> HTTPResponse {
        if Task.isCancelled { throw HTTPError(.cancelled, "\(transfer.summary) was cancelled") }
        let handles = self.handles
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<HTTPResponse, HTTPError>, Never>) in
                DetachedThread.start(name: "sutactl-http") {
                    continuation.resume(returning: Result { () throws(HTTPError) -> HTTPResponse in
                        let handle = try handles.checkOut()
                        defer { handles.checkIn(handle) }
                        return try handle.perform(transfer)
                    })
                }
            }
        } onCancel: {
            transfer.abort()
        }
        return try result.get()
    }
}
