import Foundation
import SutaHTTP
import SutaTestSupport

/// The transport tests' routes on a ``StandInHTTPServer`` (127.0.0.1 or a Unix socket):
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
    let lineGate: DispatchSemaphore
    private let server: StandInHTTPServer
    private let gateTimeouts: SharedValue<Int>

    /// How often `/lines` gave up waiting for ``lineGate``.
    var lineGateTimeouts: Int { gateTimeouts.value }
    /// How many connections the server has accepted.
    var acceptedConnections: Int { server.acceptedConnections }

    /// A server on 127.0.0.1 and a port the kernel picks.
    static func tcp() throws -> TestHTTPServer {
        try TestHTTPServer(StandInHTTPServer.tcp)
    }

    /// A server on a Unix socket in a new temporary directory.
    static func unixSocket() throws -> TestHTTPServer {
        try TestHTTPServer(StandInHTTPServer.unixSocket)
    }

    /// A new empty directory under the system's temporary directory.
    static func makeTemporaryDirectory() throws -> String {
        try StandInHTTPServer.makeTemporaryDirectory()
    }

    private init(_ start: (@escaping StandInHTTPServer.Handler) throws -> StandInHTTPServer) throws {
        let gate = DispatchSemaphore(value: 0)
        let timeouts = SharedValue(0)
        lineGate = gate
        gateTimeouts = timeouts
        server = try start { request, connection in
            Self.serve(request, connection, gate: gate) { timeouts.withLock { $0 += 1 } }
        }
        endpoint = try HTTPEndpoint(parsing: server.address)
    }

    /// Stops accepting connections and removes the socket directory.
    func stop() {
        server.stop()
    }

    private static func serve(_ request: StandInRequest, _ connection: StandInConnection, gate: DispatchSemaphore, onGateTimeout: () -> Void) {
        switch request.target {
        case let path where path.hasPrefix("/echo"):
            var headers = [("X-Method", request.method), ("X-Path", path), ("X-Multi", "a"), ("X-Multi", "b")]
            headers += request.headers.map { ("X-Echo-\($0.name)", $0.value) }
            connection.respond(status: 200, headers: headers, body: request.body)
        case let path where path.hasPrefix("/status/"):
            let code = Int(path.dropFirst("/status/".count)) ?? 500
            connection.respond(status: code, json: #"{"message":"status \#(code)"}"#)
        case "/lines":
            connection.startChunked(status: 200, headers: [("Content-Type", "application/json")])
            for number in 1...3 {
                connection.sendChunk(Array("line \(number)\n".utf8))
                if gate.wait(timeout: .now() + 5) == .timedOut { onGateTimeout() }
            }
            connection.endChunked()
        case "/forever":
            connection.startChunked(status: 200, headers: [("Content-Type", "application/json")])
            connection.sendChunk(Array("{\"status\":\"started\"}\n".utf8))
            if connection.waitForDisconnect(seconds: 10) { connection.endChunked() }
        default:  // "/hang"
            _ = connection.waitForDisconnect(seconds: 10)
            connection.close()
        }
    }
}
