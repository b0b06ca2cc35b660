import Foundation
import Glibc
import Synchronization
import SutaHTTP

/// A small HTTP/1.1 server for the transport tests, listening on 127.0.0.1 (random port) or
/// on a Unix socket. Connections are kept alive; each runs on its own thread. Routes:
/// - `/echo…` (any method): 200; the body is the request body, `X-Method` and `X-Path`
///   echo the request line, `X-Echo-<name>` echoes each request header, and `X-Multi`
///   is sent twice.
/// - `/status/<code>`: that status, with the body `{"message":"status <code>"}`.
/// - `/hang`: does not answer; closes the connection after 10 s.
/// - `/lines`: a chunked 200 of three lines, one chunk each; after every chunk the server
///   waits (up to 5 s) for ``lineGate`` before it sends the next one or ends the response.
/// - `/forever`: a chunked 200 that sends one line, then nothing until it ends the body
///   after 10 s (so a client that cannot cancel fails a test instead of hanging it).
final class TestHTTPServer: Sendable {
    let endpoint: HTTPEndpoint
    /// Signalled by a test for each line of `/lines` it has received.
    let lineGate = DispatchSemaphore(value: 0)
    private let listener: Int32
    private let socketDirectory: String?
    private let gateTimeouts = Atomic<Int>(0)
    private let accepted = Atomic<Int>(0)

    /// How often `/lines` gave up waiting for ``lineGate``.
    var lineGateTimeouts: Int { gateTimeouts.load(ordering: .relaxed) }
    /// How many connections the server has accepted.
    var acceptedConnections: Int { accepted.load(ordering: .relaxed) }

    /// A server on 127.0.0.1 and a port the kernel picks.
    static func tcp() throws -> TestHTTPServer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        try bindAndListen(fd, &address)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return TestHTTPServer(fd, .tcp(host: "127.0.0.1", port: Int(UInt16(bigEndian: address.sin_port))), nil)
    }

    /// A server on a Unix socket in a new temporary directory.
    static func unixSocket() throws -> TestHTTPServer {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/http.sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path.utf8.prefix(buffer.count - 1))
        }
        try bindAndListen(fd, &address)
        return TestHTTPServer(fd, .unixSocket(path: path), directory)
    }

    /// A new empty directory under the system's temporary directory.
    static func makeTemporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "suta-http-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private init(_ listener: Int32, _ endpoint: HTTPEndpoint, _ socketDirectory: String?) {
        self.listener = listener
        self.endpoint = endpoint
        self.socketDirectory = socketDirectory
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Stops accepting connections and removes the socket directory. Open connections end
    /// when their clients disconnect.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        if let socketDirectory { try? FileManager.default.removeItem(atPath: socketDirectory) }
    }

    private static func bindAndListen<Address>(_ fd: Int32, _ address: inout Address) throws {
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<Address>.size))
            }
        }
        guard fd >= 0, bound == 0, listen(fd, 128) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            accepted.add(1, ordering: .relaxed)
            let thread = Thread { [self] in
                serve(connection)
                close(connection)
            }
            thread.start()
        }
    }

    /// Answers requests on one connection until the client closes it.
    private func serve(_ fd: Int32) {
        var buffered: [UInt8] = []
        while let request = readRequest(fd, &buffered) {
            let (method, target, headers, body) = request
            switch target {
            case let path where path.hasPrefix("/echo"):
                var head = ["X-Method: \(method)", "X-Path: \(path)", "X-Multi: a", "X-Multi: b"]
                head += headers.map { "X-Echo-\($0.name): \($0.value)" }
                write(fd, response: 200, head, body)
            case let path where path.hasPrefix("/status/"):
                let code = Int(path.dropFirst("/status/".count)) ?? 500
                write(fd, response: code, ["Content-Type: application/json"], Array(#"{"message":"status \#(code)"}"#.utf8))
            case "/lines":
                write(fd, chunkedHead: 200)
                for number in 1...3 {
                    write(fd, chunk: Array("line \(number)\n".utf8))
                    if lineGate.wait(timeout: .now() + 5) == .timedOut { gateTimeouts.add(1, ordering: .relaxed) }
                }
                write(fd, chunk: [])
            case "/forever":
                write(fd, chunkedHead: 200)
                write(fd, chunk: Array("{\"status\":\"started\"}\n".utf8))
                guard waitForDisconnect(fd) else { return }
                write(fd, chunk: [])
            default:  // "/hang"
                _ = waitForDisconnect(fd)
                return
            }
        }
    }

    private func readRequest(_ fd: Int32, _ buffered: inout [UInt8]) -> (String, String, [(name: String, value: String)], [UInt8])? {
        let separator = Array("\r\n\r\n".utf8)
        var headEnd = buffered.firstRange(of: separator)
        while headEnd == nil {
            guard receive(fd, into: &buffered) else { return nil }
            headEnd = buffered.firstRange(of: separator)
        }
        let lines = String(decoding: buffered[..<headEnd!.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "") ?? 0
        buffered.removeSubrange(..<headEnd!.upperBound)
        while buffered.count < length {
            guard receive(fd, into: &buffered) else { return nil }
        }
        let body = Array(buffered.prefix(length))
        buffered.removeFirst(length)
        return (String(requestLine[0]), String(requestLine[1]), headers, body)
    }

    private func receive(_ fd: Int32, into buffered: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffered += chunk.prefix(count)
        return true
    }

    /// Waits up to 10 s for the client to close the connection; returns whether it is
    /// still open.
    private func waitForDisconnect(_ fd: Int32) -> Bool {
        var ignored: [UInt8] = []
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, 10_000) > 0 {
            guard receive(fd, into: &ignored) else { return false }
            ignored.removeAll()
        }
        return true
    }

    private func write(_ fd: Int32, response status: Int, _ headers: [String], _ body: [UInt8]) {
        let head = (["HTTP/1.1 \(status) Test", "Content-Length: \(body.count)"] + headers).joined(separator: "\r\n")
        send(fd, Array((head + "\r\n\r\n").utf8) + body)
    }

    private func write(_ fd: Int32, chunkedHead status: Int) {
        send(fd, Array("HTTP/1.1 \(status) Test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
    }

    /// One chunk of a chunked body; an empty chunk ends the body.
    private func write(_ fd: Int32, chunk: [UInt8]) {
        send(fd, Array(String(chunk.count, radix: 16).utf8) + Array("\r\n".utf8) + chunk + Array("\r\n".utf8))
    }

    private func send(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }
}
