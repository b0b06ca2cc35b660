@testable import SutaClients
import XCTest

final class ImagePullParserTests: XCTestCase {
    private let progressLines = [
        #"{"status":"Pulling from library/nginx","id":"1.27"}"#,
        #"{"status":"Downloading","progressDetail":{"current":512,"total":2048},"progress":"[=>   ]","id":"a1b2"}"#,
        #"{"status":"Pull complete","progressDetail":{},"id":"a1b2"}"#,
    ]

    func testProgressLinesBecomeProgressAcrossChunkBoundaries() throws {
        let bytes = Array((progressLines.joined(separator: "\n") + "\n").utf8)
        for cut in stride(from: 0, through: bytes.count, by: 7) {
            var parser = ImagePullParser(image: "nginx:1.27")
            let progress = parser.append(Array(bytes[..<cut])) + parser.append(Array(bytes[cut...])) + (try parser.finish())
            XCTAssertEqual(progress, [
                PullProgress(status: "Pulling from library/nginx", id: "1.27"),
                PullProgress(status: "Downloading", id: "a1b2", progress: "[=>   ]", current: 512, total: 2048),
                PullProgress(status: "Pull complete", id: "a1b2"),
            ], "cut at \(cut)")
        }
    }

    func testAnErrorLineAfterProgressIsAFailure() {
        var parser = ImagePullParser(image: "example/app:2")
        let lines = progressLines + [
            #"{"errorDetail":{"message":"manifest for example/app:2 not found: manifest unknown"},"error":"manifest for example/app:2 not found"}"#,
            #"{"status":"ignored after the failure"}"#,
        ]
        let progress = parser.append(Array(lines.joined(separator: "\n").utf8))
        XCTAssertEqual(progress.count, 3)
        XCTAssertThrowsError(try parser.finish()) { error in
            XCTAssertEqual(error as? DockerError, .pullFailed(image: "example/app:2", message: "cannot pull example/app:2: manifest for example/app:2 not found: manifest unknown"))
        }
    }

    func testTheDeprecatedErrorFieldAloneIsAFailureToo() {
        var parser = ImagePullParser(image: "x:latest")
        _ = parser.append(Array(#"{"error":"boom"}"#.utf8))
        XCTAssertThrowsError(try parser.finish()) { error in
            XCTAssertEqual((error as? DockerError)?.description, "cannot pull x:latest: boom")
        }
    }

    func testNetworkFailuresSayNoRegistryIsReachable() {
        let message = #"Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: no such host"#
        XCTAssertEqual(
            ImagePullParser.failure(image: "nginx:latest", engineMessage: message),
            .pullFailed(image: "nginx:latest", message: "cannot pull nginx:latest: no registry reachable (\(message))"))
        let denied = "pull access denied for nope, repository does not exist or may require 'docker login'"
        XCTAssertEqual(ImagePullParser.failure(image: "nope:latest", engineMessage: denied).description, "cannot pull nope:latest: \(denied)")
    }

    func testALineThatIsNotJSONIsAFailure() {
        var parser = ImagePullParser(image: "x:1")
        _ = parser.append(Array("<html>proxy error</html>\n".utf8))
        XCTAssertThrowsError(try parser.finish()) { error in
            guard case .pullFailed(_, let message) = error as? DockerError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.hasPrefix("cannot pull x:1: cannot read"), message)
        }
    }

    func testReferencesSplitIntoImageAndNonEmptyTag() {
        let cases: [(String, String?, String, String)] = [
            ("busybox", nil, "busybox", "latest"),
            ("busybox", "", "busybox", "latest"),
            ("nginx:1.27", nil, "nginx", "1.27"),
            ("nginx", "1.27", "nginx", "1.27"),
            ("localhost:5000/team/app", nil, "localhost:5000/team/app", "latest"),
            ("localhost:5000/team/app:v2", nil, "localhost:5000/team/app", "v2"),
            ("app@sha256:abc", nil, "app", "sha256:abc"),
            ("app:", nil, "app", "latest"),
        ]
        for (reference, tag, name, expectedTag) in cases {
            let split = DockerClient.splitImageReference(reference, tag: tag)
            XCTAssertEqual(split.name, name, reference)
            XCTAssertEqual(split.tag, expectedTag, reference)
        }
    }
}
