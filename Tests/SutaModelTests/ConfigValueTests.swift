import XCTest
@testable import SutaModel

final class ConfigValueTests: XCTestCase {
    private let sample = ConfigValue.object([
        ("name", .string("web")),
        ("on", .string("true")),
        ("ports", .array([.object([("hostIP", .string("127.0.0.1")), ("hostPort", .int(8080))])])),
        ("cpus", .double(0.5)),
        ("memory", .double(2)),
        ("empty", .array([])),
        ("cmd", .array([.string("sh"), .string("-c"), .string("echo \"hi\": there")])),
    ])

    func testJSONKeepsKeyOrderAndEscapes() {
        XCTAssertEqual(sample.json(), """
        {
          "name": "web",
          "on": "true",
          "ports": [
            {
              "hostIP": "127.0.0.1",
              "hostPort": 8080
            }
          ],
          "cpus": 0.5,
          "memory": 2,
          "empty": [],
          "cmd": [
            "sh",
            "-c",
            "echo \\"hi\\": there"
          ]
        }
        """)
    }

    func testYAMLQuotesAmbiguousScalars() {
        XCTAssertEqual(sample.yaml(), """
        name: web
        "on": "true"
        ports:
          - hostIP: 127.0.0.1
            hostPort: 8080
        cpus: 0.5
        memory: 2
        empty: []
        cmd:
          - sh
          - "-c"
          - "echo \\"hi\\": there"

        """)
    }
}
