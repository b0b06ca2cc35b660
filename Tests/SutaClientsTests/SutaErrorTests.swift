import SutaClients
import SutaErrors
import SutaHTTP
import XCTest

/// Every layer's failure as the product's one error: code, dependency, retryable or
/// terminal, and the cause chain from the HTTP layer up; the breakers' verdict follows it.
final class SutaErrorTests: XCTestCase {
    func testAnHTTPFailureKeepsItsCauseThroughTheClientError() {
        let http = HTTPError(.connect, "cannot connect to 127.0.0.1:8001: Connection refused")
        let kong = KongError.transport(http).sutaError
        XCTAssertEqual(kong.code, .unavailable)
        XCTAssertEqual(kong.dependency, "kong")
        XCTAssertTrue(kong.retryable)
        XCTAssertEqual(kong.chain.map(\.message), ["Kong admin API: cannot connect to 127.0.0.1:8001: Connection refused",
                                                   "cannot connect to 127.0.0.1:8001: Connection refused"])
        XCTAssertEqual(kong.description, "Kong admin API: cannot connect to 127.0.0.1:8001: Connection refused",
                       "a cause the message already says is not repeated")

        let docker = DockerError.transport(HTTPError(.timeout, "timed out after 30s")).sutaError
        XCTAssertEqual(docker.dependency, "docker")
        XCTAssertEqual(docker.cause?.code, .unavailable)
        XCTAssertTrue(docker.retryable)
    }

    func testAWrappingErrorShowsItsHintAndLocationAndEachNewCause() {
        let cause = ConsulError.forbidden("PUT /v1/agent/service/register: ACL not found").sutaError
        XCTAssertEqual(cause.code, .rejected)
        XCTAssertFalse(cause.retryable)
        let error = SutaError(.validation, "registration of api failed", hint: "check the token variable",
                              location: SourceLocation(file: "manifests/project.yaml", line: 30, column: 5), cause: cause)
        XCTAssertEqual(error.description, """
            manifests/project.yaml:30:5: registration of api failed
              hint: check the token variable
              cause: \(cause.message)
            """)
        XCTAssertEqual(error.report, "manifests/project.yaml:30:5: error: registration of api failed\n  hint: check the token variable\n"
                       + "  cause: \(cause.message)", "one `error:`, after the place")
        XCTAssertEqual(error.chain.count, 2)
    }

    func testTheBreakersVerdictIsDerivedFromTheError() {
        let counted: [any Error] = [
            KongError.server(status: 503, message: "x"), KongError.server(status: 429, message: "x"),
            ConsulError.unreachable(url: "u", message: "x"), OllamaError.busy("x"), DockerError.engineUnreachable(socket: "s", message: "x"),
            HTTPError(.timeout, "x"), SutaError(.unavailable, "x", dependency: "kong"),
        ]
        let answered: [any Error] = [
            KongError.notFound("x"), KongError.conflict("x"), KongError.server(status: 400, message: "x"), ConsulError.forbidden("x"),
            OllamaError.pullFailed(model: "m", message: "x"), DockerError.notModified, HTTPError(.cancelled, "x"),
            SutaError(.validation, "x"),
        ]
        for error in counted {
            XCTAssertTrue(SutaError.from(error).retryable, "\(error)")
            XCTAssertTrue(CircuitBreaker.countsAsFailure(error), "\(error)")
        }
        for error in answered {
            XCTAssertFalse(SutaError.from(error).retryable, "\(error)")
            XCTAssertFalse(CircuitBreaker.countsAsFailure(error), "\(error)")
        }
    }
}
