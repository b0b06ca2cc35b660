import XCTest
@testable import SutaModel

final class ValueParsingTests: XCTestCase {
    func testDurationsParseWithUnitsAndRejectBareNumbers() {
        XCTAssertEqual(DurationText.parse("30s"), .seconds(30))
        XCTAssertEqual(DurationText.parse("1m30s"), .seconds(90))
        XCTAssertEqual(DurationText.parse("500ms"), .milliseconds(500))
        XCTAssertEqual(DurationText.parse("1.5s"), .milliseconds(1500))
        XCTAssertEqual(DurationText.parse("2h"), .seconds(7200))
        XCTAssertNil(DurationText.parse("10"))
        XCTAssertNil(DurationText.parse("10 parsecs"))
        XCTAssertNil(DurationText.parse(""))
        XCTAssertNil(DurationText.parse("s"))
    }

    func testDurationFormatRoundTrips() {
        for text in ["1m30s", "500ms", "2h", "10s", "1h1m1s", "250us"] {
            XCTAssertEqual(DurationText.format(DurationText.parse(text)!), text)
        }
        XCTAssertEqual(Duration.seconds(2).nanoseconds, 2_000_000_000)
    }

    func testMemorySizesUseBinaryUnits() {
        XCTAssertEqual(MemorySize.parse("512M"), 512 << 20)
        XCTAssertEqual(MemorySize.parse("2G"), 2 << 30)
        XCTAssertEqual(MemorySize.parse("2g"), 2 << 30)
        XCTAssertEqual(MemorySize.parse("1.5G"), 3 << 29)
        XCTAssertEqual(MemorySize.parse("2GiB"), 2 << 30)
        XCTAssertEqual(MemorySize.parse("512MB"), 512 << 20)
        XCTAssertEqual(MemorySize.parse("1024k"), 1 << 20)
        XCTAssertEqual(MemorySize.parse("268435456"), 268_435_456)
        XCTAssertNil(MemorySize.parse("2 gigs"))
        XCTAssertNil(MemorySize.parse("G"))
        XCTAssertNil(MemorySize.parse("0"))
        XCTAssertEqual(MemorySize.format(2 << 30), "2G")
        XCTAssertEqual(MemorySize.format(200 << 20), "200M")
    }

    func testShortPortSyntax() {
        XCTAssertEqual(PortSpecParser.parse("127.0.0.1:10000:5432"),
                       .init(hostIP: "127.0.0.1", hostPort: 10000, containerPort: 5432, transport: .tcp))
        XCTAssertEqual(PortSpecParser.parse("8080:80/udp"), .init(hostIP: nil, hostPort: 8080, containerPort: 80, transport: .udp))
        XCTAssertEqual(PortSpecParser.parse("80"), .init(hostIP: nil, hostPort: nil, containerPort: 80, transport: .tcp))
        XCTAssertEqual(PortSpecParser.parse("127.0.0.1::80"), .init(hostIP: "127.0.0.1", hostPort: nil, containerPort: 80, transport: .tcp))
        for bad in ["70000:80", "80/sctp", "abc", "1.2.3:80:80", "8000-8010:80", "", "a:b:c:d"] {
            XCTAssertNil(PortSpecParser.parse(bad), bad)
        }
    }

    func testRestartPolicies() {
        XCTAssertEqual(RestartPolicy(text: "unless-stopped")?.name, .unlessStopped)
        XCTAssertEqual(RestartPolicy(text: "on-failure:3"), RestartPolicy(name: .onFailure, maximumRetryCount: 3))
        XCTAssertNil(RestartPolicy(text: "always:3"))
        XCTAssertNil(RestartPolicy(text: "sometimes"))
    }

    func testImageReferences() {
        XCTAssertEqual(ImageReference("postgres:16.3-alpine").tag, "16.3-alpine")
        XCTAssertNil(ImageReference("registry:5000/team/app").tag)
        XCTAssertEqual(ImageReference("registry:5000/team/app:2").tag, "2")
        XCTAssertEqual(ImageReference("app@sha256:abc").digest, "sha256:abc")
    }

    func testSubnets() {
        let subnet = IPv4Subnet(cidr: "172.20.0.0/16")!
        XCTAssertTrue(subnet.contains(IPv4Subnet.parseAddress("172.20.3.4")!))
        XCTAssertFalse(subnet.contains(IPv4Subnet.parseAddress("172.21.0.1")!))
        XCTAssertNil(IPv4Subnet(cidr: "172.20.0.0/33"))
        XCTAssertNil(IPv4Subnet(cidr: "300.1.1.1/8"))
        XCTAssertEqual(subnet.description, "172.20.0.0/16")
    }

    func testSuggestions() {
        XCTAssertEqual(Suggestion.closest(to: "memroy", among: ["cpus", "memory", "pids"]), "memory")
        XCTAssertNil(Suggestion.closest(to: "banana", among: ["cpus", "memory"]))
    }

    func testShellWords() {
        XCTAssertEqual(ShellWords.split("sh -c 'echo hi there'"), ["sh", "-c", "echo hi there"])
        XCTAssertEqual(ShellWords.split(#"a "b \"c\"" d"#), ["a", #"b "c""#, "d"])
        XCTAssertNil(ShellWords.split("sh -c 'open"))
    }

    func testPathsResolveAgainstTheManifestFile() {
        XCTAssertEqual(PathText.resolve("./config", relativeTo: "/srv/app/manifests/a.yaml"), "/srv/app/manifests/config")
        XCTAssertEqual(PathText.resolve("../data", relativeTo: "/srv/app/manifests/a.yaml"), "/srv/app/data")
        XCTAssertEqual(PathText.resolve("/etc/x", relativeTo: "m/a.yaml"), "/etc/x")
    }
}
