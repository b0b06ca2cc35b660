import SutaErrors
import Foundation
import SutaController
import XCTest

final class ProjectLockTests: XCTestCase {
    private func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testSecondHolderFailsAtOnceWithNoWaitNamingTheHolder() throws {
        let folder = try directory()
        let first = try ProjectLock(directory: folder, wait: false) { _ in }
        XCTAssertThrowsError(try ProjectLock(directory: folder, wait: false) { _ in }) { error in
            let error = error as? SutaError
            XCTAssertEqual(error?.code, .locked)
            XCTAssertTrue(error?.message.hasPrefix("another sutactl (pid \(getpid())) is changing this project") == true, "\(String(describing: error))")
        }
        withExtendedLifetime(first) {}
    }

    func testSecondHolderWaitsAndSaysSoThenGetsTheLock() throws {
        let folder = try directory()
        var first: ProjectLock? = try ProjectLock(directory: folder, wait: false) { _ in }
        let waited = expectation(description: "told to wait")
        let acquired = expectation(description: "acquired after release")
        let thread = Thread {
            let second = try? ProjectLock(directory: folder, wait: true) { holder in
                XCTAssertEqual(holder, String(getpid()))
                waited.fulfill()
            }
            XCTAssertNotNil(second)
            acquired.fulfill()
        }
        thread.start()
        wait(for: [waited], timeout: 5)
        first = nil  // releases
        XCTAssertNil(first)
        wait(for: [acquired], timeout: 5)
    }
}
