import Foundation
import SutaHTTP
import XCTest

/// The client against ``TestHTTPServer`` on 127.0.0.1 and on a Unix socket.
final class HTTPClientTests: XCTestCase {
    /// Runs `body` once against a TCP server and once against a Unix-socket server.
    private func withServers(_ body: (TestHTTPServer, HTTPClient) async throws -> Void) async throws {
        for makeServer in [TestHTTPServer.tcp, TestHTTPServer.unixSocket] {
            let server = try makeServer()
            defer { server.stop() }
            try await body(server, HTTPClient(endpoint: server.endpoint))
        }
    }

    private func error<T>(of operation: () async throws(HTTPError) -> T) async -> HTTPError? {
        do {
            _ = try await operation()
            return nil
        } catch {
            return error
        }
    }

    private func elapsed(_ operation: () async -> Void) async -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        await operation()
        return clock.now - start
    }

    func testGetSendsPathQueryAndHeaders() async throws {
        try await withServers { server, client in
            let response = try await client.send(HTTPRequest(path: "/echo?all=1&filters=%7B%7D", headers: ["X-Request-Id": "abc", "X-Empty": ""]))
            XCTAssertEqual(response.status, 200, "\(server.endpoint)")
            XCTAssertTrue(response.isSuccess)
            XCTAssertEqual(response.header("X-Method"), "GET")
            XCTAssertEqual(response.header("x-path"), "/echo?all=1&filters=%7B%7D")
            XCTAssertEqual(response.header("X-ECHO-X-REQUEST-ID"), "abc")
            XCTAssertEqual(response.header("X-Echo-X-Empty"), "")
            XCTAssertNil(response.header("X-Echo-Content-Type"))
            XCTAssertNil(response.header("X-Echo-Content-Length"))
            XCTAssertEqual(response.header("X-Multi"), "a, b")
            XCTAssertEqual(response.body, [])
        }
    }

    func testPostJSONSendsContentTypeAndBody() async throws {
        try await withServers { server, client in
            let json = Array(#"{"Image":"busybox","Labels":{"managed-by":"sutactl"}}"#.utf8)
            let response = try await client.send(.json(path: "/echo/containers/create?name=web", body: json, headers: ["content-type": "text/plain"]))
            XCTAssertEqual(response.status, 200, "\(server.endpoint)")
            XCTAssertEqual(response.header("X-Method"), "POST")
            XCTAssertEqual(response.header("X-Path"), "/echo/containers/create?name=web")
            XCTAssertEqual(response.header("X-Echo-Content-Type"), "application/json")
            XCTAssertEqual(response.header("X-Echo-Content-Length"), "\(json.count)")
            XCTAssertEqual(response.body, json)
        }
    }

    func testLargeBodyArrivesIntactWithoutExpectContinue() async throws {
        try await withServers { _, client in
            let body = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let response = try await client.send(HTTPRequest(method: "PUT", path: "/echo", headers: ["Content-Type": "application/octet-stream"], body: body))
            XCTAssertEqual(response.header("X-Method"), "PUT")
            XCTAssertEqual(response.header("X-Echo-Content-Type"), "application/octet-stream")
            XCTAssertNil(response.header("X-Echo-Expect"))
            XCTAssertEqual(response.body, body)
        }
    }

    func testBodylessPostSendsZeroLengthAndOtherMethodsPassThrough() async throws {
        try await withServers { _, client in
            let post = try await client.send(HTTPRequest(method: "POST", path: "/echo/containers/web/start"))
            XCTAssertEqual(post.header("X-Method"), "POST")
            XCTAssertEqual(post.header("X-Echo-Content-Length"), "0")
            XCTAssertNil(post.header("X-Echo-Content-Type"))
            let delete = try await client.send(HTTPRequest(method: "DELETE", path: "/echo/containers/web?force=1"))
            XCTAssertEqual(delete.header("X-Method"), "DELETE")
            XCTAssertEqual(delete.header("X-Path"), "/echo/containers/web?force=1")
            let head = try await client.send(HTTPRequest(method: "HEAD", path: "/echo"))
            XCTAssertEqual(head.status, 200)
            XCTAssertEqual(head.header("X-Method"), "HEAD")
        }
    }

    func testStatusCodesPropagateWithTheirBody() async throws {
        try await withServers { _, client in
            for code in [201, 304, 404, 409, 500] {
                let response = try await client.send(HTTPRequest(path: "/status/\(code)"))
                XCTAssertEqual(response.status, code)
                XCTAssertEqual(response.isSuccess, (200..<300).contains(code))
                if code != 304 {
                    XCTAssertEqual(String(decoding: response.body, as: UTF8.self), #"{"message":"status \#(code)"}"#)
                }
            }
        }
    }

    func testMissingSocketIsAConnectErrorNamingThePath() async throws {
        let directory = try TestHTTPServer.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/docker.sock"
        let client = HTTPClient(endpoint: .unixSocket(path: path))
        let failure = await error { () async throws(HTTPError) in try await client.send(HTTPRequest(path: "/_ping")) }
        XCTAssertEqual(failure?.kind, .connect)
        XCTAssertEqual(failure?.message, "cannot connect to \(path): No such file or directory")
    }

    func testClosedPortIsAConnectErrorNamingTheAddress() async throws {
        let server = try TestHTTPServer.tcp()
        server.stop()
        guard case .tcp(_, let port) = server.endpoint else { return XCTFail("not TCP") }
        let client = HTTPClient(endpoint: server.endpoint)
        let failure = await error { () async throws(HTTPError) in try await client.send(HTTPRequest(path: "/echo")) }
        XCTAssertEqual(failure?.kind, .connect)
        XCTAssertEqual(failure?.message, "cannot connect to 127.0.0.1:\(port): Connection refused")
    }

    func testUnansweredRequestTimesOut() async throws {
        try await withServers { server, client in
            var failure: HTTPError?
            let time = await elapsed {
                failure = await error { () async throws(HTTPError) in
                    try await client.send(HTTPRequest(path: "/hang", timeout: .milliseconds(300)))
                }
            }
            XCTAssertEqual(failure?.kind, .timeout, "\(server.endpoint): \(failure?.message ?? "no error")")
            XCTAssertTrue(failure?.message.hasPrefix("GET /hang on \(server.endpoint.description.replacingOccurrences(of: "unix://", with: "").replacingOccurrences(of: "http://", with: "")) timed out") ?? false, failure?.message ?? "")
            XCTAssertGreaterThanOrEqual(time, .milliseconds(250))
            XCTAssertLessThan(time, .seconds(3))
        }
    }

    func testStreamDeliversLinesBeforeTheResponseEnds() async throws {
        try await withServers { server, client in
            let (lines, received) = AsyncStream<String>.makeStream()
            var splitter = LineSplitter()
            let gate = server.lineGate
            // The server sends each line only after the previous one has been received here,
            // and ends the response only after the third: a buffered body would stall it.
            let response = try await client.stream(HTTPRequest(path: "/lines")) { chunk in
                for line in splitter.append(chunk) {
                    received.yield(String(decoding: line, as: UTF8.self))
                    gate.signal()
                }
            }
            received.finish()
            XCTAssertEqual(server.lineGateTimeouts, 0, "lines were not delivered incrementally")
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.header("Content-Type"), "application/json")
            XCTAssertEqual(response.body, [])
            let all = await lines.reduce(into: []) { $0.append($1) }
            XCTAssertEqual(all, ["line 1", "line 2", "line 3"])
        }
    }

    func testStreamReturnsTheBodyOfAFailedResponse() async throws {
        try await withServers { _, client in
            let (chunks, received) = AsyncStream<[UInt8]>.makeStream()
            let response = try await client.stream(HTTPRequest(method: "POST", path: "/status/404")) { received.yield($0) }
            received.finish()
            XCTAssertEqual(response.status, 404)
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), #"{"message":"status 404"}"#)
            let streamed = await chunks.reduce(into: []) { $0.append($1) }
            XCTAssertEqual(streamed, [])
        }
    }

    func testCancellingAStreamEndsItPromptly() async throws {
        try await withServers { server, client in
            let (chunks, received) = AsyncStream<[UInt8]>.makeStream()
            let task = Task {
                try await client.stream(HTTPRequest(path: "/forever")) { received.yield($0) }
            }
            var iterator = chunks.makeAsyncIterator()
            let first = await iterator.next()
            XCTAssertEqual(first.map { String(decoding: $0, as: UTF8.self) }, "{\"status\":\"started\"}\n")
            var result: Result<HTTPResponse, any Error>?
            let time = await elapsed {
                task.cancel()
                result = await task.result
            }
            guard case .failure(let failure as HTTPError) = result else { return XCTFail("not cancelled: \(String(describing: result))") }
            XCTAssertEqual(failure.kind, .cancelled)
            XCTAssertTrue(failure.message.hasSuffix("was cancelled"), failure.message)
            XCTAssertLessThan(time, .seconds(2), "\(server.endpoint)")
        }
    }

    func testCancellingASendAbortsIt() async throws {
        try await withServers { _, client in
            let task = Task { try await client.send(HTTPRequest(path: "/hang")) }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            guard case .failure(let failure as HTTPError) = await task.result else { return XCTFail("not cancelled") }
            XCTAssertEqual(failure.kind, .cancelled)
        }
    }

    func testAlreadyCancelledTaskSendsNothing() async throws {
        try await withServers { server, client in
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.send(HTTPRequest(path: "/echo"))
            }
            guard case .failure(let failure as HTTPError) = await task.result else { return XCTFail("not cancelled") }
            XCTAssertEqual(failure.kind, .cancelled)
            XCTAssertEqual(server.acceptedConnections, 0)
        }
    }

    func testSequentialRequestsReuseOneConnection() async throws {
        try await withServers { server, client in
            for index in 0..<5 {
                let response = try await client.send(HTTPRequest(path: "/echo/\(index)"))
                XCTAssertEqual(response.header("X-Path"), "/echo/\(index)")
            }
            XCTAssertEqual(server.acceptedConnections, 1)
        }
    }

    func testConcurrentRequestsEachGetTheirOwnResponse() async throws {
        try await withServers { _, client in
            try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for index in 0..<24 {
                    group.addTask {
                        let body = Array("body \(index)".utf8)
                        let response = try await client.send(HTTPRequest(method: "POST", path: "/echo/\(index)", body: body))
                        XCTAssertEqual(response.body, body)
                        return (index, response.header("X-Path"))
                    }
                }
                for try await (index, path) in group {
                    XCTAssertEqual(path, "/echo/\(index)")
                }
            }
        }
    }

    func testInvalidRequestsAreRejectedBeforeSending() async throws {
        let client = HTTPClient(endpoint: .tcp(host: "127.0.0.1", port: 9))
        let requests = [
            HTTPRequest(path: "containers/json"),
            HTTPRequest(path: "/containers/json?name=a b"),
            HTTPRequest(method: "GET /x", path: "/"),
            HTTPRequest(path: "/", headers: ["X-Auth": "a\r\nX-Injected: 1"]),
            HTTPRequest(path: "/", headers: ["Bad Name": "x"]),
        ]
        for request in requests {
            let failure = await error { () async throws(HTTPError) in try await client.send(request) }
            XCTAssertEqual(failure?.kind, .invalidRequest, "\(request)")
        }
    }
}
