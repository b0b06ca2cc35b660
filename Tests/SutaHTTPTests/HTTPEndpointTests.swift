import SutaHTTP
import XCTest

final class HTTPEndpointTests: XCTestCase {
    func testAcceptsUnixSocketAndHTTPForms() throws {
        XCTAssertEqual(try HTTPEndpoint(parsing: "unix:///var/run/docker.sock"), .unixSocket(path: "/var/run/docker.sock"))
        XCTAssertEqual(try HTTPEndpoint(parsing: " unix:///tmp/d.sock\n"), .unixSocket(path: "/tmp/d.sock"))
        XCTAssertEqual(try HTTPEndpoint(parsing: "http://127.0.0.1:8001"), .tcp(host: "127.0.0.1", port: 8001))
        XCTAssertEqual(try HTTPEndpoint(parsing: "http://127.0.0.1:8001/"), .tcp(host: "127.0.0.1", port: 8001))
        XCTAssertEqual(try HTTPEndpoint(parsing: "HTTP://localhost"), .tcp(host: "localhost", port: 80))
        XCTAssertEqual(try HTTPEndpoint(parsing: "tcp://127.0.0.1:2375"), .tcp(host: "127.0.0.1", port: 2375))
    }

    func testDescriptionParsesBackToTheSameEndpoint() throws {
        for endpoint in [HTTPEndpoint.unixSocket(path: "/run/docker.sock"), .tcp(host: "127.0.0.1", port: 8500)] {
            XCTAssertEqual(try HTTPEndpoint(parsing: endpoint.description), endpoint)
        }
        XCTAssertEqual(HTTPEndpoint.unixSocket(path: "/run/docker.sock").description, "unix:///run/docker.sock")
    }

    func testRejectsOtherSchemesAndMalformedAddresses() {
        let cases: [(String, String)] = [
            ("https://127.0.0.1:8444", "scheme 'https' is not supported"),
            ("ssh://user@host", "scheme 'ssh' is not supported"),
            ("npipe:////./pipe/docker_engine", "scheme 'npipe' is not supported"),
            ("127.0.0.1:8001", "no scheme"),
            ("", "no scheme"),
            ("unix://", "absolute socket path"),
            ("unix://docker.sock", "absolute socket path"),
            ("http://", "needs a host"),
            ("http://:8001", "needs a host"),
            ("tcp://127.0.0.1", "needs a port"),
            ("http://127.0.0.1:0", "port '0'"),
            ("http://127.0.0.1:65536", "port '65536'"),
            ("http://127.0.0.1:http", "port 'http'"),
            ("http://127.0.0.1:8001/v1", "only a host and a port"),
            ("http://user@127.0.0.1:8001", "only a host and a port"),
            ("http://[::1]:8001", "only a host and a port"),
        ]
        for (text, reason) in cases {
            XCTAssertThrowsError(try HTTPEndpoint(parsing: text), text) { error in
                let error = error as? HTTPError
                XCTAssertEqual(error?.kind, .invalidEndpoint, text)
                XCTAssertTrue(error?.message.contains("'\(text)'") ?? false, "\(text): \(error?.message ?? "")")
                XCTAssertTrue(error?.message.contains(reason) ?? false, "\(text): \(error?.message ?? "")")
            }
        }
    }
}
