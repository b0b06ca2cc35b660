import Foundation
import XCTest

/// `sutactl graph`: the active profile's dependencies as dot, Mermaid or SVG.
final class GraphTests: XCTestCase {
    /// No engine answers there: no live colours, so the text is exactly the manifests'.
    private let offline = ["DOCKER_HOST": "unix:///nonexistent/docker.sock"]

    func testDotAndMermaidOfTheHelloExample() throws {
        let dot = try SutactlRunner.run(["graph", "-f", "examples/hello/manifests/"], environment: offline)
        XCTAssertEqual(dot.status, 0, dot.stderr)
        XCTAssertEqual(dot.stdout, """
        digraph "hello" {
          rankdir=LR;
          node [shape=box, style="rounded,filled", fillcolor="#eceff1", fontname=Helvetica];
          edge [fontname=Helvetica, fontsize=10];
          "cache" [label="cache"];
          "web" [label="web"];
          "web" -> "cache" [label="healthy"];
        }

        """)
        let mermaid = try SutactlRunner.run(["graph", "-f", "examples/hello/manifests/", "-o", "mermaid"], environment: offline)
        XCTAssertEqual(mermaid.stdout, "flowchart LR\n  cache[\"cache\"]\n  web[\"web\"]\n  web -->|healthy| cache\n")
    }

    func testOptionalEdgesAreDashedAndTheShippedDefaultProfileRendersAsSVG() throws {
        let dot = try SutactlRunner.run(["graph", "-f", "manifests/", "--profile", "default"], environment: offline)
        XCTAssertTrue(dot.stdout.contains("\"backend\" -> \"postgres\" [label=\"healthy\"];"), dot.stdout)
        XCTAssertTrue(dot.stdout.contains("\"backend\" -> \"neo4j\" [label=\"started\", style=dashed];"), dot.stdout)
        let svg = try SutactlRunner.run(["graph", "-f", "manifests/", "--profile", "default", "-o", "svg"],
                                        environment: offline.merging(["PATH": "/usr/bin:/bin"]) { $1 })
        XCTAssertEqual(svg.status, 0)
        XCTAssertTrue(svg.stdout.contains("<svg") && svg.stdout.contains(">backend</text>"), "make test installs graphviz: \(svg.stderr)")
        let noDot = try SutactlRunner.run(["graph", "-f", "examples/hello/manifests/", "-o", "svg"], environment: offline.merging(["PATH": "/nonexistent"]) { $1 })
        XCTAssertTrue(noDot.stderr.contains("Graphviz's `dot` is not installed"), noDot.stderr)
        XCTAssertTrue(noDot.stdout.hasPrefix("digraph \"hello\" {"))
    }

    func testTheReadmeShowsTheDefaultProfilesGraph() throws {
        let readme = try String(contentsOf: SutactlRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("![The SutazAI default profile's dependencies](docs/sutazai-default-profile.svg)"))
        let picture = try String(contentsOf: SutactlRunner.repositoryRoot.appendingPathComponent("docs/sutazai-default-profile.svg"), encoding: .utf8)
        XCTAssertTrue(picture.contains("<svg") && picture.contains(">backend</text>"))
    }
}
