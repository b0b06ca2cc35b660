/// One HTTP request, relative to an ``HTTPEndpoint``.
public struct HTTPRequest: Sendable, Equatable {
    /// The method, e.g. `GET`, `POST`, `DELETE`.
    public var method: String
    /// The path with its query, starting with `/`, already percent-encoded,
    /// e.g. `/v1.47/containers/json?all=1`.
    public var path: String
    /// Extra request headers. Names compare case-insensitively on the wire; do not set
    /// `Content-Length` or `Host`, the transport does.
    public var headers: [String: String]
    /// The body to send, or `nil` for none. `POST`, `PUT` and `PATCH` without a body
    /// send `Content-Length: 0`.
    public var body: [UInt8]?
    /// The longest the whole exchange may take, from connecting to the last byte.
    /// `nil` means: ``HTTPClient/send(_:)`` uses the client's request timeout and
    /// ``HTTPClient/stream(_:onChunk:)`` has no limit (the connect timeout always applies).
    public var timeout: Duration?

    /// Creates a request.
    public init(
        method: String = "GET",
        path: String,
        headers: [String: String] = [:],
        body: [UInt8]? = nil,
        timeout: Duration? = nil
    ) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// Creates a request whose body is a JSON document, with `Content-Type: application/json`
    /// (the Docker Engine rejects a JSON body without it). Any `Content-Type` in `headers`
    /// is replaced.
    public static func json(
        method: String = "POST",
        path: String,
        body: [UInt8],
        headers: [String: String] = [:],
        timeout: Duration? = nil
    ) -> HTTPRequest {
        var headers = headers.filter { $0.key.lowercased() != "content-type" }
        headers["Content-Type"] = "application/json"
        return HTTPRequest(method: method, path: path, headers: headers, body: body, timeout: timeout)
    }
}
