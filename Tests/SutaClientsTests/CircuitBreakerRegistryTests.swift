import Foundation
import SutaClients
import SutaTestSupport
import XCTest

/// One breaker per dependency, saved to a JSON file and read back by a later process.
final class CircuitBreakerRegistryTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = try StandInHTTPServer.makeTemporaryDirectory()
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(atPath: directory)
    }

    private var stateFile: URL { URL(fileURLWithPath: directory).appendingPathComponent("state/breakers.json") }

    private func record(_ breaker: CircuitBreaker, _ outcomes: [Bool]) throws {
        for success in outcomes { try breaker.acquire().record(success: success) }
    }

    func testHandsOutOneBreakerPerName() {
        let registry = CircuitBreakerRegistry(clock: ManualBreakerClock())
        XCTAssertTrue(registry.breaker("kong") === registry.breaker("kong"))
        XCTAssertFalse(registry.breaker("kong") === registry.breaker("consul"))
        XCTAssertEqual(registry.snapshots().map(\.name), ["consul", "kong"])
    }

    func testSavedStateIsSeenByALaterProcess() throws {
        let clock = ManualBreakerClock()
        let registry = CircuitBreakerRegistry(clock: clock)
        try record(registry.breaker("probe:backend"), Array(repeating: false, count: 5))
        clock.advance(by: .seconds(30))
        try registry.breaker("probe:backend").acquire().record(success: true)
        let underWay = try registry.breaker("probe:backend").acquire()  // when the process ends
        try record(registry.breaker("kong"), [true, false, false, false, false])
        try record(registry.breaker("consul"), [true, false, true])
        clock.advance(by: .seconds(10))
        try registry.save(to: stateFile)
        let saved = registry.snapshots()
        XCTAssertEqual(saved.map(\.state), [.closed, .open, .halfOpen])

        // A later process: another monotonic clock, 5 s later by the wall clock.
        let later = ManualBreakerClock(startDate: clock.date.addingTimeInterval(5))
        let loaded = try CircuitBreakerRegistry.load(from: stateFile, clock: later)
        XCTAssertEqual(loaded.snapshots(), saved)

        let kong = loaded.breaker("kong")
        XCTAssertEqual(kong.snapshot().failureRate, 80)
        XCTAssertThrowsError(try kong.acquire()) { error in
            XCTAssertEqual((error as? CircuitBreakerOpen)?.retryAfter, .seconds(15), "30 s open, 10 s passed before saving, 5 s after")
        }
        later.advance(by: .seconds(15))
        XCTAssertNoThrow(try kong.acquire().record(success: true))
        XCTAssertEqual(kong.state, .halfOpen)

        withExtendedLifetime(underWay) {}
        let probe = loaded.breaker("probe:backend")
        try probe.acquire().record(success: true)  // the trial lost with the first process is free again
        XCTAssertEqual(probe.state, .closed)
    }

    func testAnOpenPeriodNeverOutlastsTheOpenDurationWhenTheWallClockJumps() throws {
        let clock = ManualBreakerClock()
        let registry = CircuitBreakerRegistry(clock: clock)
        try record(registry.breaker("ollama"), Array(repeating: false, count: 5))
        try registry.save(to: stateFile)
        let setBack = ManualBreakerClock(startDate: clock.date.addingTimeInterval(-3600))
        let loaded = try CircuitBreakerRegistry.load(from: stateFile, clock: setBack)
        XCTAssertThrowsError(try loaded.breaker("ollama").acquire()) { error in
            XCTAssertEqual((error as? CircuitBreakerOpen)?.retryAfter, .seconds(30))
        }
    }

    func testTheFileIsReadableJSON() throws {
        let clock = ManualBreakerClock()
        let registry = CircuitBreakerRegistry(clock: clock)
        try record(registry.breaker("kong"), Array(repeating: false, count: 5))
        try registry.save(to: stateFile)
        let text = try String(contentsOf: stateFile, encoding: .utf8)
        XCTAssertTrue(text.contains(#""version" : 1"#), text)
        XCTAssertTrue(text.contains(#""state" : "open""#), text)
        XCTAssertTrue(text.contains(#""failure_rate" : 100"#), text)
        XCTAssertTrue(text.contains(#""opened_at" : "2025-06-15T15:06:40.000Z""#), text)
        XCTAssertTrue(text.contains(#""retry_at" : "2025-06-15T15:07:10.000Z""#), text)
    }

    func testAMissingFileIsAnEmptyRegistryAndABadOneAnError() throws {
        XCTAssertEqual(try CircuitBreakerRegistry.load(from: stateFile).snapshots(), [])
        try FileManager.default.createDirectory(at: stateFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{not json".utf8).write(to: stateFile)
        XCTAssertThrowsError(try CircuitBreakerRegistry.load(from: stateFile)) { error in
            guard case .invalid(let path, _) = error as? CircuitBreakerStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, stateFile.path)
        }
        try Data(#"{"version":2,"breakers":[]}"#.utf8).write(to: stateFile)
        XCTAssertThrowsError(try CircuitBreakerRegistry.load(from: stateFile)) { error in
            XCTAssertTrue("\(error)".contains("format version 2"), "\(error)")
        }
    }

    func testResetByName() throws {
        let clock = ManualBreakerClock()
        let registry = CircuitBreakerRegistry(clock: clock)
        try record(registry.breaker("kong"), Array(repeating: false, count: 5))
        try registry.save(to: stateFile)
        let loaded = try CircuitBreakerRegistry.load(from: stateFile, clock: clock)
        XCTAssertTrue(loaded.reset("kong"))
        XCTAssertFalse(loaded.reset("nginx"))
        XCTAssertEqual(loaded.snapshots(), [BreakerSnapshot(name: "kong", state: .closed)])
        try loaded.save(to: stateFile)
        XCTAssertEqual(try CircuitBreakerRegistry.load(from: stateFile, clock: clock).breaker("kong").state, .closed)
    }
}
