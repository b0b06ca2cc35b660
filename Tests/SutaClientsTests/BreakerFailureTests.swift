import SutaClients
import SutaHTTP
import XCTest

/// Which outcomes count as circuit-breaker failures: transport errors, timeouts, 5xx and
/// 429 do; 304, 404, 409 and other 4xx, and cancellation, do not.
final class BreakerFailureTests: XCTestCase {
    private struct OtherError: Error {}

    func testStatuses() {
        for status in [500, 501, 502, 503, 504, 599, 429] {
            XCTAssertTrue(BreakerFailure.isBreakerFailure(status: status), "\(status)")
        }
        for status in [200, 201, 204, 304, 400, 401, 403, 404, 405, 409, 413, 422] {
            XCTAssertFalse(BreakerFailure.isBreakerFailure(status: status), "\(status)")
        }
    }

    func testTransportErrors() {
        for kind: HTTPError.Kind in [.connect, .timeout, .transport, .protocol] {
            XCTAssertTrue(CircuitBreaker.countsAsFailure(HTTPError(kind, "x")), "\(kind)")
        }
        for kind: HTTPError.Kind in [.cancelled, .invalidEndpoint, .invalidRequest] {
            XCTAssertFalse(CircuitBreaker.countsAsFailure(HTTPError(kind, "x")), "\(kind)")
        }
    }

    func testKongErrors() {
        let failures: [KongError] = [
            .unreachable(url: "http://127.0.0.1:8001", message: "x"), .transport(HTTPError(.timeout, "x")),
            .transport(HTTPError(.transport, "x")), .server(status: 500, message: "x"), .server(status: 503, message: "x"),
            .server(status: 504, message: "x"), .server(status: 429, message: "x"),
        ]
        let expected: [KongError] = [
            .notFound("x"), .conflict("x"), .dbless("x"), .server(status: 400, message: "x"), .server(status: 413, message: "x"),
            .decoding("x"), .invalidRequest("x"), .transport(HTTPError(.cancelled, "x")),
        ]
        for error in failures { XCTAssertTrue(CircuitBreaker.countsAsFailure(error), "\(error)") }
        for error in expected { XCTAssertFalse(CircuitBreaker.countsAsFailure(error), "\(error)") }
    }

    func testConsulErrors() {
        let failures: [ConsulError] = [
            .unreachable(url: "http://127.0.0.1:8500", message: "x"), .transport(HTTPError(.timeout, "x")),
            .server(status: 500, message: "x"), .server(status: 503, message: "x"), .server(status: 429, message: "x"),
        ]
        let expected: [ConsulError] = [
            .forbidden("x"), .notFound("x"), .server(status: 400, message: "x"), .decoding("x"), .invalidRequest("x"),
            .transport(HTTPError(.cancelled, "x")),
        ]
        for error in failures { XCTAssertTrue(CircuitBreaker.countsAsFailure(error), "\(error)") }
        for error in expected { XCTAssertFalse(CircuitBreaker.countsAsFailure(error), "\(error)") }
    }

    func testAnyErrorForABreakersClassifier() {
        let classify: (any Error) -> Bool = CircuitBreaker.countsAsFailure
        XCTAssertTrue(classify(KongError.server(status: 502, message: "x")))
        XCTAssertFalse(classify(KongError.conflict("x")))
        XCTAssertTrue(CircuitBreaker.countsAsFailure(ConsulError.transport(HTTPError(.timeout, "x"))))
        XCTAssertTrue(CircuitBreaker.countsAsFailure(HTTPError(.connect, "x")))
        XCTAssertFalse(CircuitBreaker.countsAsFailure(CancellationError()))
        XCTAssertTrue(CircuitBreaker.countsAsFailure(OtherError()), "an unknown error counts, as resilience4j records every exception")
    }
}
