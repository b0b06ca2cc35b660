import SutaYAML
import XCTest
@testable import SutaModel

/// Hostile input, one fixture per class: each is refused with one message at the place a
/// person would look, and repeated problems are counted rather than listed one by one.
final class InputLimitTests: XCTestCase {
    func testUnclosedQuoteAtItsOpening() throws {
        XCTAssertEqual(try Fixture.messages("unclosed-quote"), [
            "unclosed-quote/service.yaml:5:10: error: unclosed quote: this `\"` is closed only at line 7, column 20\n"
                + "  hint: a quoted value may span lines, so the next `\"` closed it; close the quote on its own line",
        ])
    }

    func testUnclosedBracketAtItsOpening() throws {
        XCTAssertEqual(try Fixture.messages("unclosed-bracket"), [
            "unclosed-bracket/service.yaml:6:12: error: unclosed `[`: no matching `]`\n"
                + "  hint: parsing stopped at line 7, column 3; close the list with `]`",
        ])
    }

    func testUnknownTagsAtTheTag() throws {
        let hint = "\n  hint: manifests use no custom tags (allowed: !!str, !!int, !!float, !!bool, !!null, !!seq, !!map); "
            + "quote the value if the `!` belongs to it"
        XCTAssertEqual(try Fixture.messages("unknown-tag"), [
            "unknown-tag/binary.yaml:5:10: error: unsupported tag `!!binary`" + hint,
            "unknown-tag/custom.yaml:6:16: error: unknown tag `!Ref`" + hint,
        ])
    }

    func testStandardTagsThatFitAreRead() throws {
        let resolution = try Fixture.resolve("standard-tags")
        XCTAssertEqual(resolution.diagnostics.map(\.description), [])
        let web = try XCTUnwrap(resolution.config?.services.first)
        XCTAssertEqual(web.image, "busybox:1.36")
        XCTAssertEqual(web.replicas, 2)
        XCTAssertTrue(web.readOnlyRootFilesystem)
        XCTAssertEqual(web.environment, [EnvironmentVariable(name: "MODE", value: "production", isSecret: false)])
        XCTAssertEqual(web.command, ["sleep", "3600"])
    }

    func testScalarOverTheLimit() throws {
        XCTAssertEqual(try Fixture.messages("long-scalar", yamlLimits: YAMLLimits(maxScalarBytes: 32)), [
            "long-scalar/service.yaml:5:10: error: scalar is longer than the limit of 32 bytes\n"
                + "  hint: keep large content out of manifests (a file mounted with `volumes`, for example)",
        ])
    }

    func testProfileDefaultsCopiedIntoEveryServiceAreBounded() throws {
        // 43 nodes of `defaults` times 11 services is more than the 300 nodes allowed, though
        // the file itself has 200.
        XCTAssertEqual(try Fixture.messages("profile-defaults-bomb", profiles: ["wide"], yamlLimits: YAMLLimits(maxNodes: 300)), [
            "profile-defaults-bomb/services.yaml:6:5: error: `defaults` of profile `wide` merged into 11 services come to more than 300 nodes\n"
                + "  hint: keep `defaults` to a few fields; the limit is the one on nodes after alias expansion",
        ])
        XCTAssertEqual(try Fixture.messages("profile-defaults-bomb", profiles: ["wide"], yamlLimits: YAMLLimits(maxNodes: 500)), [])
    }

    func testIdenticalErrorsAreCounted() throws {
        let resolution = try Fixture.resolve("identical-errors")
        let hint = "\n  hint: write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/tcp|udp], e.g. \"127.0.0.1:10000:5432\""
        XCTAssertEqual(resolution.diagnostics.map(\.description), [
            "identical-errors/service.yaml:8:7: error: malformed port `x`" + hint,
            "identical-errors/service.yaml:9:7: error: malformed port `x`" + hint + "\n  ... and 3 more like this",
        ])
        XCTAssertEqual(resolution.errorCount, 5)
    }

    func testIdenticalDiagnosticsKeepTheFirstTwo() {
        var list = DiagnosticList()
        for line in 1...100_000 {
            list.error("`read_only` must be true or false", at: SourceLocation(file: "a.yaml", line: line, column: 3))
        }
        // The same place and text again is the same diagnostic, not one more.
        list.error("`read_only` must be true or false", at: SourceLocation(file: "a.yaml", line: 7, column: 3))
        XCTAssertEqual(list.items.map(\.description), [
            "a.yaml:1:3: error: `read_only` must be true or false",
            "a.yaml:2:3: error: `read_only` must be true or false\n  ... and 99,998 more like this",
        ])
    }

    func testHintsAreWorkedOutOnlyForListedDiagnostics() {
        var list = DiagnosticList()
        var hintsMade = 0
        func hint() -> String { hintsMade += 1; return "did you mean `image`?" }
        for index in 0..<5000 {
            list.error("unknown field `k\(index)`", at: SourceLocation(file: "a.yaml", line: index + 1, column: 3), hint: hint())
        }
        XCTAssertEqual(hintsMade, DiagnosticList.maxListed)
        XCTAssertEqual(list.items.count, DiagnosticList.maxListed)
        XCTAssertTrue(list.hasErrors)
        XCTAssertEqual(list.unlistedSummary.map(\.description), [
            "error: too many problems: 4,000 more errors not listed\n  hint: the first 1000 are listed; fix those and run again",
        ])
        XCTAssertEqual(list.unlistedSummary.first?.omitted, 3999)
    }

    func testErrorsBeyondTheListStillFailTheResolution() {
        var list = DiagnosticList()
        for index in 0..<DiagnosticList.maxListed {
            list.warning("warning \(index)", at: SourceLocation(file: "a.yaml", line: index + 1, column: 1))
        }
        XCTAssertFalse(list.hasErrors)
        list.error("an error", at: SourceLocation(file: "a.yaml", line: 5000, column: 1))
        XCTAssertTrue(list.hasErrors)
    }

    func testInterpolationIsBoundedPerValueAndInAll() throws {
        let big = String(repeating: "v", count: 600)
        let service = { (name: String, image: String) in
            "---\napiVersion: sutactl/v1\nkind: Service\nmetadata: {name: \(name)}\nspec:\n  image: busybox:1.36\n  command: [\"\(image)\"]\n"
        }
        var resolver = ConfigResolver(variables: ["BIG": big], defaultProjectName: "fixture", yamlLimits: YAMLLimits(maxScalarBytes: 1000))
        let one = resolver.resolve([ManifestFile(path: "a.yaml", bytes: Array(service("a", "${BIG}${BIG}").utf8))])
        XCTAssertEqual(one.diagnostics.map(\.description), [
            "a.yaml:7:13: error: value is longer than the limit of 1000 bytes after interpolation\n  hint: keep large content out of variables",
        ])
        resolver.maxInterpolatedBytes = 2000
        let many = resolver.resolve([ManifestFile(path: "a.yaml", bytes: Array((0..<5).map { service("s\($0)", "${BIG}") }.joined().utf8))])
        XCTAssertEqual(many.diagnostics.map(\.description), [
            "a.yaml:28:13: error: variables add more than 2000 bytes of text to the manifests\n"
                + "  hint: a large value used in many places; keep large content out of variables",
        ])
    }
}
