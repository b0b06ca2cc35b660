import Foundation
import SutaClients
import XCTest

/// The breaker's state machine with an injected clock: no test sleeps.
final class CircuitBreakerTests: XCTestCase {
    private struct Boom: Error {}

    private let clock = ManualBreakerClock()

    private func breaker(_ settings: CircuitBreakerSettings = CircuitBreakerSettings()) -> CircuitBreaker {
        CircuitBreaker(name: "kong", settings: settings, clock: clock)
    }

    /// Records `outcomes` (true = success) through permits.
    private func record(_ breaker: CircuitBreaker, _ outcomes: [Bool], file: StaticString = #filePath, line: UInt = #line) {
        for success in outcomes {
            do {
                try breaker.acquire().record(success: success)
            } catch {
                XCTFail("rejected: \(error)", file: file, line: line)
            }
        }
    }

    private func rejection(_ breaker: CircuitBreaker) -> CircuitBreakerOpen? {
        do {
            _ = try breaker.acquire()
            return nil
        } catch {
            return error
        }
    }

    private func openBreaker() -> CircuitBreaker {
        let breaker = breaker()
        record(breaker, Array(repeating: false, count: 5))
        XCTAssertEqual(breaker.state, .open)
        return breaker
    }

    // MARK: Closed

    func testDefaultsAreTheDocumentedOnes() {
        let settings = CircuitBreakerSettings()
        XCTAssertEqual(settings.failureRateThreshold, 50)
        XCTAssertEqual(settings.slidingWindowSize, 10)
        XCTAssertEqual(settings.minimumNumberOfCalls, 5)
        XCTAssertEqual(settings.openDuration, .seconds(30))
        XCTAssertEqual(settings.permittedCallsInHalfOpen, 2)
        XCTAssertEqual(CircuitBreakerSettings(slidingWindowSize: 3, minimumNumberOfCalls: 8).minimumNumberOfCalls, 3, "capped at the window size")
    }

    func testStaysClosedUntilTheMinimumNumberOfCallsIsRecorded() {
        let breaker = breaker()
        record(breaker, [false, false, false, false])
        XCTAssertEqual(breaker.state, .closed, "4 failures are below the minimum of 5 calls")
        record(breaker, [false])
        XCTAssertEqual(breaker.state, .open)
        XCTAssertEqual(breaker.snapshot().openedAt, clock.date)
    }

    func testOpensWhenTheFailureRateReachesTheThreshold() {
        let breaker = breaker()
        record(breaker, [true, true, true, false, false])
        XCTAssertEqual(breaker.state, .closed, "2 of 5 is 40%")
        record(breaker, [false])
        XCTAssertEqual(breaker.state, .open, "3 of 6 is 50%, at the threshold")
    }

    func testTheWindowKeepsOnlyTheMostRecentCalls() {
        let breaker = breaker()
        record(breaker, Array(repeating: true, count: 10) + [false, false, false, false])
        XCTAssertEqual(breaker.snapshot().outcomes.count, 10)
        XCTAssertEqual(breaker.state, .closed, "4 of the last 10 failed")
        record(breaker, [false])
        XCTAssertEqual(breaker.state, .open, "5 of the last 10 failed (5 of all 15 would not open it)")
    }

    // MARK: Open

    func testAnOpenBreakerRejectsWithoutCallingTheBody() async {
        let breaker = openBreaker()
        clock.advance(by: .seconds(10))
        var called = false
        do {
            _ = try await breaker.run { called = true }
            XCTFail("not rejected")
        } catch let error as CircuitBreakerOpen {
            XCTAssertEqual(error.name, "kong")
            XCTAssertEqual(error.state, .open)
            XCTAssertEqual(error.retryAfter, .seconds(20))
            XCTAssertEqual(error.retryAt, clock.date.addingTimeInterval(20))
            XCTAssertEqual(error.failures, 5)
            XCTAssertEqual(error.calls, 5)
            XCTAssertTrue(error.description.contains("circuit breaker 'kong' is open (5 of 5 recent calls failed)"), error.description)
            XCTAssertTrue(error.description.contains("allowed in 20s"), error.description)
        } catch {
            XCTFail("\(error)")
        }
        XCTAssertFalse(called)
        XCTAssertEqual(breaker.state, .open)
    }

    func testGoesHalfOpenOnTheFirstCallAfterTheOpenDuration() {
        let breaker = openBreaker()
        clock.advance(by: .seconds(30) - .milliseconds(1))
        XCTAssertNotNil(rejection(breaker))
        clock.advance(by: .milliseconds(1))
        XCTAssertEqual(breaker.state, .open, "the transition happens on the next call")
        XCTAssertEqual(breaker.snapshot().retryAt, clock.date)
        XCTAssertNoThrow(try breaker.acquire())
        XCTAssertEqual(breaker.state, .halfOpen)
    }

    // MARK: Half-open

    func testClosesWithAnEmptyWindowAfterSuccessfulTrials() throws {
        let breaker = openBreaker()
        clock.advance(by: .seconds(30))
        let first = try breaker.acquire()
        let second = try breaker.acquire()
        first.record(success: true)
        XCTAssertEqual(breaker.state, .halfOpen, "one trial is still under way")
        second.record(success: true)
        XCTAssertEqual(breaker.state, .closed)
        let snapshot = breaker.snapshot()
        XCTAssertEqual(snapshot.calls, 0)
        XCTAssertNil(snapshot.openedAt)
        XCTAssertNil(snapshot.retryAt)
    }

    func testReopensWhenATrialFails() throws {
        let breaker = openBreaker()
        clock.advance(by: .seconds(30))
        try breaker.acquire().record(success: true)
        try breaker.acquire().record(success: false)
        XCTAssertEqual(breaker.state, .open, "1 of 2 trials failed: 50%")
        XCTAssertEqual(rejection(breaker)?.retryAfter, .seconds(30), "a new open period starts")
        XCTAssertEqual(breaker.snapshot().openedAt, clock.date)
    }

    func testRejectsCallsBeyondThePermittedTrials() throws {
        let breaker = breaker(CircuitBreakerSettings(permittedCallsInHalfOpen: 3))
        record(breaker, Array(repeating: false, count: 5))
        clock.advance(by: .seconds(30))
        let trials = try (0..<3).map { _ in try breaker.acquire() }
        let rejected = rejection(breaker)
        XCTAssertEqual(rejected?.state, .halfOpen)
        XCTAssertNil(rejected?.retryAt)
        XCTAssertTrue(rejected?.description.contains("half-open") ?? false)
        for trial in trials { trial.record(success: true) }
        XCTAssertEqual(breaker.state, .closed)
    }

    func testAnAbandonedOrDroppedTrialFreesItsPlace() throws {
        let breaker = openBreaker()
        clock.advance(by: .seconds(30))
        let kept = try breaker.acquire()
        try breaker.acquire().abandon()
        _ = try breaker.acquire()  // dropped without a verdict
        let last = try breaker.acquire()
        XCTAssertNotNil(rejection(breaker))
        kept.record(success: true)
        last.record(success: true)
        XCTAssertEqual(breaker.state, .closed)
    }

    func testACancelledRunIsNeitherSuccessNorFailure() async throws {
        let breaker = openBreaker()
        clock.advance(by: .seconds(30))
        do {
            _ = try await breaker.run { throw CancellationError() }
        } catch is CancellationError {}
        XCTAssertEqual(breaker.snapshot().calls, 0)
        try breaker.acquire().record(success: true)
        try breaker.acquire().record(success: true)
        XCTAssertEqual(breaker.state, .closed, "two trials were still allowed after the cancelled one")
    }

    // MARK: Classification

    func testErrorsThatDoNotCountAreRecordedAsSuccesses() async {
        let breaker = breaker()
        for _ in 0..<10 {
            _ = try? await breaker.run { throw OllamaError.notFound(model: "tinyllama:latest") }
            _ = try? await breaker.run { throw OllamaError.server(status: 400, message: "invalid") }
        }
        XCTAssertEqual(breaker.state, .closed)
        XCTAssertEqual(breaker.snapshot().failures, 0)
        XCTAssertEqual(breaker.snapshot().calls, 10)
    }

    func testFailuresOfTheDependencyAndUnknownErrorsCount() async {
        let breaker = breaker()
        let errors: [any Error] = [
            OllamaError.busy("server busy"), OllamaError.server(status: 429, message: "slow down"),
            OllamaError.server(status: 502, message: "bad gateway"), OllamaError.unreachable(url: "http://127.0.0.1:1", message: "refused"),
            Boom(),
        ]
        for error in errors {
            _ = try? await breaker.run { throw error }
        }
        XCTAssertEqual(breaker.snapshot().failures, 5)
        XCTAssertEqual(breaker.state, .open)
    }

    func testACustomVerdictOverridesTheErrorsOwn() async {
        let breaker = breaker()
        for _ in 0..<5 {
            _ = try? await breaker.run({ throw OllamaError.notFound(model: "m") }, isFailure: { _ in true })
        }
        XCTAssertEqual(breaker.state, .open)
    }

    func testRunReturnsTheValueAndRecordsSuccess() async throws {
        let breaker = breaker()
        let value = try await breaker.run { 42 }
        XCTAssertEqual(value, 42)
        XCTAssertEqual(breaker.snapshot().outcomes, [.success])
    }

    // MARK: Permits and reset

    func testAPermitCountsOnceAndOutcomesFromAnEarlierStateAreDropped() throws {
        let breaker = breaker()
        let slow = try breaker.acquire()
        let twice = try breaker.acquire()
        twice.record(success: false)
        twice.record(success: false)
        XCTAssertEqual(breaker.snapshot().calls, 1)
        record(breaker, [false, false, false, false])
        XCTAssertEqual(breaker.state, .open)
        slow.record(success: true)
        XCTAssertEqual(breaker.snapshot().outcomes, Array(repeating: .failure, count: 5), "the slow call's outcome came too late")
    }

    func testResetClosesAndEmptiesTheWindow() throws {
        let breaker = openBreaker()
        let before = try? breaker.acquire()
        XCTAssertNil(before)
        breaker.reset()
        XCTAssertEqual(breaker.state, .closed)
        XCTAssertEqual(breaker.snapshot(), BreakerSnapshot(name: "kong", state: .closed))
        XCTAssertNoThrow(try breaker.acquire().record(success: true))
    }

    func testConcurrentCallsAreCountedConsistently() async {
        let breaker = breaker(CircuitBreakerSettings(slidingWindowSize: 100, minimumNumberOfCalls: 100))
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<100 {
                group.addTask {
                    _ = try? await breaker.run { if index.isMultiple(of: 4) { throw Boom() } }
                }
            }
        }
        let snapshot = breaker.snapshot()
        XCTAssertEqual(snapshot.calls, 100)
        XCTAssertEqual(snapshot.failures, 25)
        XCTAssertEqual(snapshot.failureRate, 25)
        XCTAssertEqual(breaker.state, .closed)
    }
}
