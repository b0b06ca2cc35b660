import Foundation
import SutaHTTP
import XCTest

/// Optional: talks to a real Docker Engine when its Unix socket (`DOCKER_HOST` or
/// /var/run/docker.sock) exists and answers; skipped otherwise.
final class DockerPingTests: XCTestCase {
    func testPingReportsTheAPIVersion() async throws {
        let endpoint = try HTTPEndpoint(parsing: ProcessInfo.processInfo.environment["DOCKER_HOST"] ?? "unix:///var/run/docker.sock")
        guard case .unixSocket(let path) = endpoint, FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("no Docker Engine socket at \(endpoint)")
        }
        let response: HTTPResponse
        do {
            response = try await HTTPClient(endpoint: endpoint).send(HTTPRequest(path: "/_ping", timeout: .seconds(5)))
        } catch {
            guard error.kind == .connect else { throw error }
            throw XCTSkip("Docker Engine socket does not answer: \(error)")
        }
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "OK")
        XCTAssertNotNil(response.header("api-version"))
    }
}
