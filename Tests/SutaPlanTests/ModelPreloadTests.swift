import SutaModel
import XCTest
import SutaPlan

/// Which declared models are loaded on apply, and through which endpoint.
final class ModelPreloadTests: XCTestCase {
    func testOnlyAPreloadedModelThatIsNotLoadedAndKeepsSomethingLoadedNeedsLoading() {
        XCTAssertTrue(ModelPreload.isNeeded(ModelSpec(name: "m", preload: true), loaded: false), "default keep_alive 5m")
        XCTAssertTrue(ModelPreload.isNeeded(ModelSpec(name: "m", preload: true, keepAlive: "-1"), loaded: false))
        XCTAssertFalse(ModelPreload.isNeeded(ModelSpec(name: "m", preload: true, keepAlive: "10m"), loaded: true))
        XCTAssertFalse(ModelPreload.isNeeded(ModelSpec(name: "m", preload: false), loaded: false))
        for zero in ["0", "0s", "0m"] {
            XCTAssertFalse(ModelPreload.isNeeded(ModelSpec(name: "m", preload: true, keepAlive: zero), loaded: false),
                           "keep_alive \(zero) unloads at once: not loaded is the normal state")
        }
    }

    func testTheLoadingEndpointFollowsTheCapabilities() {
        XCTAssertEqual(ModelPreload.method(capabilities: ["completion", "tools"]), .generate)
        XCTAssertEqual(ModelPreload.method(capabilities: ["embedding"]), .embed)
        XCTAssertEqual(ModelPreload.method(capabilities: ["completion", "embedding"]), .generate)
        XCTAssertEqual(ModelPreload.method(capabilities: []), .generate, "a server too old to say")
        XCTAssertNil(ModelPreload.method(capabilities: ["image"]))
    }
}
