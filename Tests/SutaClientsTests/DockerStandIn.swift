import Foundation
import SutaClients
import SutaHTTP
import SutaTestSupport

/// A stand-in for the Docker Engine on a Unix socket: `/_ping` answers with the given
/// `Api-Version`; other requests go to the route registered for `METHOD /path` (the path
/// without its query), or get a 404 `page not found`. Every request is recorded.
final class DockerStandIn: Sendable {
    typealias Route = @Sendable (StandInRequest, StandInConnection) -> Void

    let client: DockerClient
    private let server: StandInHTTPServer
    private let log: SharedValue<[StandInRequest]>

    /// The requests received so far, `/_ping` included.
    var requests: [StandInRequest] { log.value }
    /// `METHOD target` of each request received, in order.
    var requestLines: [String] { requests.map { "\($0.method) \($0.target)" } }

    init(apiVersion: String = "1.47", routes: [String: Route] = [:]) throws {
        let log = SharedValue<[StandInRequest]>([])
        server = try StandInHTTPServer.unixSocket { request, connection in
            log.withLock { $0.append(request) }
            if request.path == "/_ping" {
                connection.respond(status: 200, headers: [("Api-Version", apiVersion), ("Content-Type", "text/plain")], body: Array("OK".utf8))
            } else if let route = routes["\(request.method) \(request.path)"] {
                route(request, connection)
            } else {
                connection.respond(status: 404, json: #"{"message":"page not found"}"#)
            }
        }
        self.log = log
        client = DockerClient(endpoint: try HTTPEndpoint(parsing: server.address))
    }

    /// The body of the first request to `METHOD /path`, as text.
    func body(of route: String) -> String? {
        requests.first { "\($0.method) \($0.path)" == route }.map { String(decoding: $0.body, as: UTF8.self) }
    }

    func stop() {
        server.stop()
    }

    /// A route that answers every request with `status` and the JSON `body`.
    static func json(_ status: Int, _ body: String) -> Route {
        { _, connection in connection.respond(status: status, json: body) }
    }

    /// A route that answers with a chunked 200 sending `lines` (each with a newline), every
    /// line cut in two chunks to exercise incremental parsing.
    static func lines(_ lines: [String], contentType: String = "application/json") -> Route {
        { _, connection in
            connection.startChunked(status: 200, headers: [("Content-Type", contentType)])
            for line in lines {
                let bytes = Array((line + "\n").utf8)
                connection.sendChunk(Array(bytes.prefix(bytes.count / 2)))
                connection.sendChunk(Array(bytes.dropFirst(bytes.count / 2)))
            }
            connection.endChunked()
        }
    }
}
