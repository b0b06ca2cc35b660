import Foundation
@testable import SutaClients
import XCTest

final class DockerEventTests: XCTestCase {
    func testAContainerEventLineFromDockerd2010() throws {
        let line = #"{"status":"die","id":"4f2c","from":"sutactl-standin:1","Type":"container","Action":"die","Actor":{"ID":"4f2c","Attributes":{"exitCode":"137","image":"sutactl-standin:1","name":"web","sutactl.project":"demo"}},"scope":"local","time":1700000000,"timeNano":1700000000123456789}"#
        let event = try DockerEvent(jsonLine: Array(line.utf8))
        XCTAssertEqual(event.type, "container")
        XCTAssertEqual(event.action, "die")
        XCTAssertEqual(event.actor.id, "4f2c")
        XCTAssertEqual(event.actor.attributes["exitCode"], "137")
        XCTAssertEqual(event.actor.attributes["sutactl.project"], "demo")
        XCTAssertEqual(event.scope, "local")
        XCTAssertEqual(event.time, 1_700_000_000)
        XCTAssertEqual(event.timeNano, 1_700_000_000_123_456_789)
        XCTAssertEqual(event.date.timeIntervalSince1970, 1_700_000_000.123, accuracy: 0.001)
    }

    func testHealthEventsAndMissingAttributes() throws {
        let event = try DockerEvent(jsonLine: Array(#"{"Type":"network","Action":"health_status: healthy","Actor":{"ID":"n1","Attributes":null},"time":5}"#.utf8))
        XCTAssertEqual(event.action, "health_status: healthy")
        XCTAssertEqual(event.actor.attributes, [:])
        XCTAssertEqual(event.timeNano, 5_000_000_000)
    }

    func testABrokenLineIsADecodingError() {
        XCTAssertThrowsError(try DockerEvent(jsonLine: Array(#"{"Type":"container""#.utf8))) { error in
            guard case .decoding(let message) = error as? DockerError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("GET /events"), message)
        }
    }

    func testSinceIsSentAsUnixSecondsAndNanoseconds() {
        XCTAssertEqual(DockerClient.unixTimestamp(Date(timeIntervalSince1970: 1_700_000_000.25)), "1700000000.250000000")
        XCTAssertEqual(DockerClient.unixTimestamp(Date(timeIntervalSince1970: 12)), "12.000000000")
    }
}
