import Foundation
import Glibc

/// The connection a ``StandInHTTPServer`` handler answers on: a complete response, or a
/// chunked one sent piece by piece. It belongs to the connection's thread.
public final class StandInConnection {
    private let fd: Int32
    private var buffered: [UInt8] = []
    /// Whether the connection ends once the current handler returns.
    private(set) var isClosed = false

    init(_ fd: Int32) {
        self.fd = fd
    }

    /// Sends a complete response with a `Content-Length`.
    public func respond(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        send(head(status, [("Content-Length", "\(body.count)")] + headers) + body)
    }

    /// Sends a complete `application/json` response.
    public func respond(status: Int, json: String, headers: [(String, String)] = []) {
        respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(json.utf8))
    }

    /// Sends the head of a chunked response; follow it with ``sendChunk(_:)`` and
    /// ``endChunked()``.
    public func startChunked(status: Int, headers: [(String, String)] = []) {
        send(head(status, [("Transfer-Encoding", "chunked")] + headers))
    }

    /// Sends one chunk of a chunked body (nothing for empty bytes, which would end it).
    public func sendChunk(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        send(Array(String(bytes.count, radix: 16).utf8) + Array("\r\n".utf8) + bytes + Array("\r\n".utf8))
    }

    /// Ends a chunked body.
    public func endChunked() {
        send(Array("0\r\n\r\n".utf8))
    }

    /// Waits up to `seconds` for the client to close the connection, discarding anything it
    /// sends; returns whether the connection is still open.
    public func waitForDisconnect(seconds: Int) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let deadline = Date().addingTimeInterval(TimeInterval(seconds))
        while case let remaining = deadline.timeIntervalSinceNow, remaining > 0 {
            guard poll(&descriptor, 1, Int32(remaining * 1000) + 1) > 0 else { return true }
            var ignored: [UInt8] = []
            guard receive(into: &ignored) else {
                isClosed = true
                return false
            }
        }
        return true
    }

    /// Ends the connection after the current handler returns, without a response if none
    /// was sent.
    public func close() {
        isClosed = true
    }

    /// Reads the next request, or returns `nil` when the client has closed the connection.
    func readRequest() -> StandInRequest? {
        let separator = Array("\r\n\r\n".utf8)
        var headEnd = buffered.firstRange(of: separator)
        while headEnd == nil {
            guard receive(into: &buffered) else { return nil }
            headEnd = buffered.firstRange(of: separator)
        }
        let lines = String(decoding: buffered[..<headEnd!.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = Int(headers.first { $0.name.lowercased() == "content-length" }?.value ?? "") ?? 0
        buffered.removeSubrange(..<headEnd!.upperBound)
        while buffered.count < length {
            guard receive(into: &buffered) else { return nil }
        }
        let body = Array(buffered.prefix(length))
        buffered.removeFirst(length)
        return StandInRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    private func head(_ status: Int, _ headers: [(String, String)]) -> [UInt8] {
        let lines = ["HTTP/1.1 \(status) StandIn"] + headers.map { "\($0.0): \($0.1)" }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    private func receive(into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer += chunk.prefix(count)
        return true
    }

    private func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return }
            offset += sent
        }
    }
}
