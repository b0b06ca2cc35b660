import Dispatch
import SutaYAML
import XCTest

final class LargeInputTests: XCTestCase {
    /// A manifest of a project and `count` services, one document each.
    static func manifest(services count: Int) -> String {
        var yaml = "apiVersion: sutactl/v1\nkind: Project\nmetadata: {name: big}\n"
        for index in 0..<count {
            yaml += """
                ---
                apiVersion: sutactl/v1
                kind: Service
                metadata:
                  name: service-\(index)
                  labels: {tier: backend, team: "team-\(index % 17)"}
                spec:
                  <<: &defaults {restart: always, resources: {memory: 512M, cpus: "0.5"}}
                  logging: *defaults
                  image: registry.example.com/app/service-\(index):1.\(index % 10).0
                  ports:
                    - 8080
                    - {published: \(10_000 + index), target: 80, protocol: tcp}
                  environment:
                    LOG_LEVEL: info
                    DATABASE_URL: "postgres://db:5432/app_\(index)"
                    FEATURE_FLAGS: 'a,b,c'
                  healthcheck:
                    test: [CMD, curl, -f, "http://localhost:8080/health"]
                    interval: 10s
                    timeout: 2s
                    retries: 3
                  depends_on: [postgres, redis]

                """
        }
        return yaml
    }

    func testManyServices() throws {
        let documents = try parse(Self.manifest(services: 500))
        XCTAssertEqual(documents.count, 501)
        let last = try XCTUnwrap(documents.last?.root)
        XCTAssertEqual(text(last["metadata"]?["name"]), "service-499")
        XCTAssertEqual(keys(last["spec"]), ["restart", "resources", "logging", "image", "ports", "environment", "healthcheck", "depends_on"])
        XCTAssertEqual(text(last["spec"]?["ports"]?.sequence?[1]["published"]), "10499")
    }

    func testCollectionsLargerThanAScratchChunk() throws {
        // Children wait on scratch stacks of about 1 MiB chunks (16384 nodes): collections
        // spanning several chunks, ending in the middle of one, and nested in each other.
        let long = (0..<40_000).map(String.init).joined(separator: ", ")
        var yaml = "a: [\(long)]\nb: [[\(long)], [x, [\(long)], y], z]\nc:\n"
        for index in 0..<20_000 { yaml += "  k\(index): [\(index)]\n" }
        let root = try XCTUnwrap(try parse(yaml, limits: YAMLLimits(maxCollectionEntries: 50_000)).first?.root)
        XCTAssertEqual(keys(root), ["a", "b", "c"])
        XCTAssertEqual(root["a"]?.sequence?.map { $0.scalar?.text ?? "" }, (0..<40_000).map(String.init))
        let b = try XCTUnwrap(root["b"]?.sequence)
        XCTAssertEqual(b.count, 3)
        XCTAssertEqual(b[0].sequence?.last?.scalar?.text, "39999")
        XCTAssertEqual(b[1].sequence?.map { $0.sequence?.count ?? -1 }, [-1, 40_000, -1])
        XCTAssertEqual(text(b[1].sequence?[2]), "y")
        XCTAssertEqual(text(b[2]), "z")
        XCTAssertEqual(keys(root["c"]), (0..<20_000).map { "k\($0)" })
        XCTAssertEqual(text(root["c"]?["k19999"]?.sequence?.first), "19999")
    }

    func testConcurrentParsesAreIndependent() throws {
        let yaml = Array("a: &a [1, 2]\nb: *a\nc: {<<: {d: 1}}\n".utf8)
        let expected = try YAMLParser.parse(yaml, file: testFile).first?.root.map { keys($0) }
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            for _ in 0..<50 {
                let root = try? YAMLParser.parse(yaml, file: testFile).first?.root
                XCTAssertEqual(root.map { keys($0) }, expected)
            }
        }
    }
}
