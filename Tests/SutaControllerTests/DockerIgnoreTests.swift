import XCTest
@testable import SutaController

/// `.dockerignore` as moby's patternmatcher reads it: cleaned patterns, `*`, `?`, `**`,
/// parent directories, `!` exceptions where the last match wins, comments.
final class DockerIgnoreTests: XCTestCase {
    private func excluded(_ text: String, _ paths: [String]) throws -> [String] {
        let ignore = try DockerIgnore(text: text)
        return paths.filter { ignore.excludes($0) }
    }

    func testStarStaysInOneDirectoryAndAPatternTakesADirectorysContents() throws {
        XCTAssertEqual(try excluded("*.log\n", ["a.log", "sub/a.log", "a.txt"]), ["a.log"])
        XCTAssertEqual(try excluded("build\n", ["build", "build/out/x.o", "src/build"]), ["build", "build/out/x.o"])
        XCTAssertEqual(try excluded("*/temp*\n", ["somedir/temporary.txt", "somedir/temp", "temp", "a/b/temp"]),
                       ["somedir/temporary.txt", "somedir/temp"])
        XCTAssertEqual(try excluded("temp?\n", ["temp1", "temp", "tempab"]), ["temp1"])
    }

    func testDoubleStarMatchesAnyNumberOfDirectories() throws {
        XCTAssertEqual(try excluded("**/*.go\n", ["main.go", "a/b/c.go", "a/b/c.goo"]), ["main.go", "a/b/c.go"])
        XCTAssertEqual(try excluded("docs/**\n", ["docs", "docs/a", "docs/a/b.md", "docsx"]), ["docs/a", "docs/a/b.md"])
        XCTAssertEqual(try excluded("a/**/z\n", ["a/z", "a/b/z", "a/b/c/z", "b/a/z"]), ["a/z", "a/b/z", "a/b/c/z"])
    }

    func testExceptionsAndTheLastMatchWins() throws {
        XCTAssertEqual(try excluded("*.md\n!README.md\n", ["a.md", "README.md"]), ["a.md"])
        XCTAssertEqual(try excluded("*.md\n!README*.md\nREADME-secret.md\n", ["README.md", "README-secret.md"]), ["README-secret.md"])
        XCTAssertEqual(try excluded("data\n!data/keep.txt\n", ["data/keep.txt", "data/drop.txt"]), ["data/drop.txt"])
    }

    func testPatternsAreCleanedCommentsSkippedAndSpecialCharactersLiteral() throws {
        XCTAssertEqual(try excluded("# a comment\n  ./cache/  \n/dist\n\n", ["cache/x", "dist", "# a comment"]), ["cache/x", "dist"])
        XCTAssertEqual(try excluded("a+b.(c)\n", ["a+b.(c)", "aab.(c)"]), ["a+b.(c)"])
        XCTAssertEqual(try excluded("\\*.txt\n", ["*.txt", "a.txt"]), ["*.txt"])
        XCTAssertEqual(try excluded("[ab].txt\n", ["a.txt", "c.txt"]), ["a.txt"])
    }

    func testAnUnclosedClassIsAnErrorAtItsLine() {
        XCTAssertThrowsError(try DockerIgnore(text: "ok\n[abc\n")) { error in
            XCTAssertEqual((error as? DockerIgnore.Problem)?.line, 2)
        }
    }
}
