import Synchronization

/// One request on its way through libcurl: what to send, where the response goes, and
/// whether to stop. Holds the HTTP decisions so that ``CurlEasyHandle`` only maps them
/// onto libcurl options.
///
/// Thread safety: the transfer is created by the calling task, then used only by the thread
/// that runs `curl_easy_perform` (libcurl calls the callbacks on that thread); the caller
/// reads the result after that thread resumes its continuation. The one exception is the
/// abort flag, which any thread may set and which is atomic.
final class HTTPTransfer: @unchecked Sendable {
    let endpoint: HTTPEndpoint
    let method: String
    let path: String
    /// `http://localhost<path>` for a Unix socket, `http://host:port<path>` for TCP.
    let url: String
    /// Complete header lines for `CURLOPT_HTTPHEADER`.
    let headerLines: [String]
    /// The bytes to upload, or `nil` when the request sends no body at all.
    let upload: [UInt8]?
    /// `CURLOPT_TIMEOUT_MS`; 0 means no limit.
    let timeoutMilliseconds: Int
    /// `CURLOPT_CONNECTTIMEOUT_MS`; at least 1.
    let connectTimeoutMilliseconds: Int

    /// Receives the body of a 2xx response chunk by chunk; `nil` collects every body.
    private let onChunk: (([UInt8]) -> Void)?
    private let aborted = Atomic<Bool>(false)
    private var status = 0
    private var headers: [String: String] = [:]
    private var body: [UInt8] = []

    init(
        _ request: HTTPRequest,
        endpoint: HTTPEndpoint,
        connectTimeout: Duration,
        timeout: Duration?,
        onChunk: sending (([UInt8]) -> Void)?
    ) throws(HTTPError) {
        try Self.validate(request)
        self.endpoint = endpoint
        method = request.method
        path = request.path
        switch endpoint {
        case .unixSocket: url = "http://localhost\(request.path)"
        case .tcp(let host, let port): url = "http://\(host):\(port)\(request.path)"
        }
        let sendsBody = request.body != nil || ["POST", "PUT", "PATCH"].contains(request.method)
        upload = sendsBody ? (request.body ?? []) : nil
        var lines = request.headers.sorted { $0.key < $1.key }.map { name, value in
            // "Name:" would tell libcurl to remove the header; "Name;" sends it empty.
            value.isEmpty ? "\(name);" : "\(name): \(value)"
        }
        let names = Set(request.headers.keys.map { $0.lowercased() })
        if sendsBody && !names.contains("content-type") {
            lines.append("Content-Type:")  // no form-urlencoded default from libcurl
        }
        if !names.contains("expect") {
            lines.append("Expect:")  // no 100-continue round trip for large bodies
        }
        headerLines = lines
        timeoutMilliseconds = timeout.map(Self.milliseconds) ?? 0
        connectTimeoutMilliseconds = Self.milliseconds(connectTimeout)
        self.onChunk = onChunk
    }

    /// How messages name this request: `GET /_ping on /var/run/docker.sock`.
    var summary: String { "\(method) \(path) on \(endpoint.displayName)" }

    /// Asks the transfer to stop; libcurl notices in the next progress or write callback.
    func abort() { aborted.store(true, ordering: .relaxed) }

    var isAborted: Bool { aborted.load(ordering: .relaxed) }

    /// Takes one header line as libcurl delivers it, status line included. A new status line
    /// (after a 1xx interim response) starts the head over.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // Strip the terminator as bytes: "\r\n" is a single Character in Swift.
        let end = bytes.lastIndex { $0 != 0x0D && $0 != 0x0A }.map { $0 + 1 } ?? 0
        let line = Substring(String(decoding: bytes[..<end], as: UTF8.self))
        if line.hasPrefix("HTTP/") {
            let fields = line.split(separator: " ", maxSplits: 2)
            status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
            headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingSpaces()
            if let key = headers.keys.first(where: { $0.lowercased() == name.lowercased() }) {
                headers[key]! += ", \(value)"
            } else {
                headers[name] = value
            }
        }
    }

    /// Takes one piece of the body. Returns `false` to make libcurl abort the transfer.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if isAborted { return false }
        if let onChunk, (200..<300).contains(status) {
            onChunk(Array(bytes))
        } else {
            body.append(contentsOf: bytes)
        }
        return true
    }

    /// The response once libcurl has finished; `status` is libcurl's final response code.
    func response(status: Int) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: body)
    }

    private static func validate(_ request: HTTPRequest) throws(HTTPError) {
        let isToken: (UInt8) -> Bool = { byte in
            byte > 0x20 && byte < 0x7F && !"()<>@,;:\\\"/[]?={}".utf8.contains(byte)
        }
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(isToken) else {
            throw HTTPError(.invalidRequest, "invalid HTTP method '\(request.method)'")
        }
        guard request.path.hasPrefix("/"), request.path.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPError(.invalidRequest, "invalid request path '\(request.path)': it must start with '/' and be percent-encoded")
        }
        for (name, value) in request.headers {
            guard !name.isEmpty, name.utf8.allSatisfy(isToken) else {
                throw HTTPError(.invalidRequest, "invalid header name '\(name)'")
            }
            guard !value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw HTTPError(.invalidRequest, "invalid value for header '\(name)': it contains a line break")
            }
        }
    }

    /// Whole milliseconds, rounded up, at least 1 (libcurl reads 0 as "no limit" or "default").
    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return max(1, Int(seconds) * 1000 + Int(fraction))
    }
}

private extension Substring {
    func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
