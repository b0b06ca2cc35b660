import SutaYAML
import XCTest
@testable import SutaModel

/// Masking secret values in a container's output as it streams in, chunk by chunk.
final class SecretMaskerTests: XCTestCase {
    /// Feeds `chunks` through a masker and returns everything it printed.
    private func masked(_ chunks: [String], secrets: [String]) -> String {
        var masker = SecretMasker(secrets: secrets)
        var output: [UInt8] = []
        for chunk in chunks { output += masker.mask(Array(chunk.utf8)) }
        output += masker.finish()
        return String(decoding: output, as: UTF8.self)
    }

    func testAValueSplitBetweenChunksAtEveryPlaceIsMasked() {
        let stream = "connecting as app with hunter2-long\nretry: hunter2-long!\nok hunter2\n"
        let expected = "connecting as app with ***\nretry: ***!\nok hunter2\n"
        XCTAssertEqual(masked([stream], secrets: ["hunter2-long"]), expected)
        for cut in 0...stream.utf8.count {
            let bytes = Array(stream.utf8)
            let chunks = [String(decoding: bytes[..<cut], as: UTF8.self), String(decoding: bytes[cut...], as: UTF8.self)]
            XCTAssertEqual(masked(chunks, secrets: ["hunter2-long"]), expected, "split at \(cut)")
        }
        XCTAssertEqual(masked(stream.map { String($0) }, secrets: ["hunter2-long"]), expected, "one byte at a time")
    }

    func testOnlyWhatMayStartASecretIsHeldBack() {
        var masker = SecretMasker(secrets: ["s3cret-token"])
        XCTAssertEqual(String(decoding: masker.mask(Array("line one\npassword: s3c".utf8)), as: UTF8.self), "line one\npassword: ")
        XCTAssertEqual(String(decoding: masker.mask(Array("ret-token\nnext s".utf8)), as: UTF8.self), "***\nnext ")
        XCTAssertEqual(String(decoding: masker.mask(Array("ome\n".utf8)), as: UTF8.self), "some\n", "not a secret after all")
        XCTAssertEqual(String(decoding: masker.mask(Array("end s3cret".utf8)), as: UTF8.self), "end ")
        XCTAssertEqual(String(decoding: masker.finish(), as: UTF8.self), "s3cret", "the stream ended before the value was complete")
    }

    func testSeveralSecretsTheLongestWinsWhereTheyStartTogether() {
        XCTAssertEqual(masked(["user=adm", "in pass=admin-pw-1 ", "admin-pw\n"], secrets: ["admin", "admin-pw-1", "", "admin"]),
                       "user=*** pass=*** ***-pw\n")
        XCTAssertEqual(masked(["a multi\nline", " secret\n"], secrets: ["multi\nline secret"]), "a ***\n")
    }

    func testNoSecretsPassesEverythingThrough() {
        var masker = SecretMasker(secrets: [""])
        XCTAssertTrue(masker.isEmpty)
        XCTAssertEqual(masker.mask([0, 1, 2, 255]), [0, 1, 2, 255])
        XCTAssertEqual(masker.finish(), [])
    }

    func testTheContainersEnvironmentGivesTheValues() {
        var service = ServiceSpec(name: "api", location: SourceLocation(file: "m.yaml", line: 1, column: 1), image: "img:1")
        service.environment = [
            EnvironmentVariable(name: "DATABASE_URL", value: "postgres://app:" + UnsetSecret.placeholder("DB_PASSWORD") + "@db/app",
                                isSecret: true),
            EnvironmentVariable(name: "REGION", value: "eu", isSecret: false),
        ]
        let environment = ["PATH=/bin", "API_TOKEN=tok-123", "REGION=eu", "ADMIN=root-pw", "EMPTY_PASSWORD=",
                           "DATABASE_URL=postgres://app:hunter2@db/app", "NOEQUALS"]
        XCTAssertEqual(SecretMasker.secretValues(inContainerEnvironment: environment, declared: ["ADMIN"], service: service),
                       ["tok-123", "root-pw", "postgres://app:hunter2@db/app", "hunter2"])
        XCTAssertEqual(SecretMasker.secretValues(inContainerEnvironment: environment, declared: [], service: nil), ["tok-123"])
    }

    func testAnUnsetSecretsValueIsFoundInTheValueBuiltFromIt() {
        let p = UnsetSecret.placeholder
        XCTAssertEqual(UnsetSecret.values(in: "postgres://app:\(p("A"))@db", from: "postgres://app:pw@db"), ["pw"])
        XCTAssertEqual(UnsetSecret.values(in: "\(p("A")):\(p("B"))", from: "user:pass:word"), ["user", "pass:word"])
        XCTAssertEqual(UnsetSecret.values(in: "x\(p("A"))\(p("B"))y", from: "xonetwoy"), ["onetwo"], "adjacent secrets are one value")
        XCTAssertEqual(UnsetSecret.values(in: "postgres://\(p("A"))@db", from: "mysql://pw@db"), [], "another value: nothing")
        XCTAssertEqual(UnsetSecret.values(in: "ab\(p("A"))ba", from: "aba"), [])
        XCTAssertEqual(UnsetSecret.values(in: "plain", from: "plain"), [])
    }
}
