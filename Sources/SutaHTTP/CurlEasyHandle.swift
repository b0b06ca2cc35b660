import CCurlShim
import Glibc

/// A libcurl easy handle: the only place in sutactl that calls libcurl. Every failing call
/// becomes an ``HTTPError`` at once.
///
/// A handle keeps its connections open between transfers, so ``CurlHandlePool`` reuses it.
/// It is `@unchecked Sendable` because it moves between threads, but it is used by one
/// thread at a time: the pool hands it to exactly one transfer and takes it back afterwards.
final class CurlEasyHandle: @unchecked Sendable {
    /// `curl_global_init` runs once per process, before the first easy handle; a `static let`
    /// is initialised exactly once, thread-safely.
    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    private let raw: UnsafeMutableRawPointer
    /// `CURLOPT_ERRORBUFFER`: libcurl writes its detailed message here on failure.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(HTTPError) {
        guard Self.globalInit == CURLE_OK else {
            throw HTTPError(.transport, "cannot initialise libcurl: \(Self.describe(Self.globalInit))")
        }
        guard let raw = curl_easy_init() else {
            throw HTTPError(.transport, "cannot create a libcurl handle")
        }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// Runs `transfer` to completion on the calling thread (this blocks) and returns the
    /// response. Options from an earlier transfer are reset; open connections are kept.
    func perform(_ transfer: HTTPTransfer) throws(HTTPError) -> HTTPResponse {
        curl_easy_reset(raw)
        errorBuffer[0] = 0
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }
        for line in transfer.headerLines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw HTTPError(.transport, "\(transfer.summary): out of memory building the header list")
            }
            headerList = appended
        }
        try configure(for: transfer, headerList: headerList)
        let code: CURLcode = try withExtendedLifetime(transfer) { () throws(HTTPError) -> CURLcode in
            guard let upload = transfer.upload else {
                switch transfer.method {
                case "GET": try set(CURLOPT_HTTPGET, 1)
                case "HEAD": try set(CURLOPT_NOBODY, 1)
                default: try set(CURLOPT_CUSTOMREQUEST, transfer.method)
                }
                return curl_easy_perform(raw)
            }
            // CURLOPT_POSTFIELDS does not copy: the bytes must outlive curl_easy_perform. An
            // empty body still needs a valid pointer, or libcurl would read the body from stdin.
            let storage = upload.isEmpty ? [0] : upload
            let outcome = storage.withUnsafeBytes { bytes in
                Result { () throws(HTTPError) -> CURLcode in
                    try set(CURLOPT_POSTFIELDSIZE_LARGE, int64: curl_off_t(upload.count))
                    try set(CURLOPT_POSTFIELDS, pointer: bytes.baseAddress)
                    try set(CURLOPT_CUSTOMREQUEST, transfer.method)
                    return curl_easy_perform(raw)
                }
            }
            return try outcome.get()
        }
        guard code == CURLE_OK else { throw failure(code, transfer) }
        var status = 0
        try check(suta_curl_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &status), "CURLINFO_RESPONSE_CODE")
        return transfer.response(status: status)
    }

    /// Sets everything but the method and body: where to connect, time limits, headers, and
    /// the callbacks that feed `transfer`.
    private func configure(for transfer: HTTPTransfer, headerList: UnsafeMutablePointer<curl_slist>?) throws(HTTPError) {
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        try set(CURLOPT_ERRORBUFFER, pointer: errorBuffer)
        try set(CURLOPT_URL, transfer.url)
        if case .unixSocket(let path) = transfer.endpoint {
            try set(CURLOPT_UNIX_SOCKET_PATH, path)
        }
        try set(CURLOPT_NOPROXY, "*")
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
        try set(CURLOPT_CONNECTTIMEOUT_MS, transfer.connectTimeoutMilliseconds)
        try set(CURLOPT_TIMEOUT_MS, transfer.timeoutMilliseconds)
        try set(CURLOPT_HTTPHEADER, pointer: headerList)
        try check(suta_curl_setopt_header_function(raw) { data, size, count, context in
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            Unmanaged<HTTPTransfer>.fromOpaque(context!).takeUnretainedValue().receiveHeaderLine(bytes)
            return size * count
        }, "CURLOPT_HEADERFUNCTION")
        try set(CURLOPT_HEADERDATA, pointer: context)
        try check(suta_curl_setopt_write_function(raw) { data, size, count, context in
            let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
            let proceed = Unmanaged<HTTPTransfer>.fromOpaque(context!).takeUnretainedValue().receiveBody(bytes)
            return proceed ? size * count : 0
        }, "CURLOPT_WRITEFUNCTION")
        try set(CURLOPT_WRITEDATA, pointer: context)
        // libcurl calls the progress callback about once a second even while idle, so a
        // cancelled stream ends within a second; a non-zero return aborts the transfer.
        try check(suta_curl_setopt_xferinfo_function(raw) { context, _, _, _, _ in
            Unmanaged<HTTPTransfer>.fromOpaque(context!).takeUnretainedValue().isAborted ? 1 : 0
        }, "CURLOPT_XFERINFOFUNCTION")
        try set(CURLOPT_XFERINFODATA, pointer: context)
        try set(CURLOPT_NOPROGRESS, 0)
    }

    /// Turns a failed `curl_easy_perform` into an error that names the endpoint.
    private func failure(_ code: CURLcode, _ transfer: HTTPTransfer) -> HTTPError {
        if transfer.isAborted {
            return HTTPError(.cancelled, "\(transfer.summary) was cancelled")
        }
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : Self.describe(code)
        switch code {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST:
            var osErrno = 0
            _ = suta_curl_getinfo_long(raw, CURLINFO_OS_ERRNO, &osErrno)
            // libcurl's own text says "localhost port 80" even for a Unix socket: prefer errno.
            let reason = osErrno != 0 ? String(cString: strerror(Int32(osErrno))) : Self.describe(code)
            return HTTPError(.connect, "cannot connect to \(transfer.endpoint.displayName): \(reason)")
        case CURLE_OPERATION_TIMEDOUT:
            return HTTPError(.timeout, "\(transfer.summary) timed out: \(detail)")
        case CURLE_WEIRD_SERVER_REPLY, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_CONTENT_ENCODING:
            return HTTPError(.protocol, "\(transfer.summary): invalid HTTP response: \(detail)")
        default:
            return HTTPError(.transport, "\(transfer.summary) failed: \(detail)")
        }
    }

    private func set(_ option: CURLoption, _ value: Int) throws(HTTPError) {
        try check(suta_curl_setopt_long(raw, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, int64 value: curl_off_t) throws(HTTPError) {
        try check(suta_curl_setopt_int64(raw, option, value), "option \(option.rawValue)")
    }

    /// libcurl copies string options, so the Swift string need not outlive the call.
    private func set(_ option: CURLoption, _ value: String) throws(HTTPError) {
        try check(suta_curl_setopt_string(raw, option, value), "option \(option.rawValue)")
    }

    private func set(_ option: CURLoption, pointer value: UnsafeRawPointer?) throws(HTTPError) {
        try check(suta_curl_setopt_ptr(raw, option, UnsafeMutableRawPointer(mutating: value)), "option \(option.rawValue)")
    }

    private func check(_ code: CURLcode, _ what: String) throws(HTTPError) {
        guard code == CURLE_OK else {
            throw HTTPError(.transport, "libcurl rejected \(what): \(Self.describe(code))")
        }
    }

    private static func describe(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }
}
