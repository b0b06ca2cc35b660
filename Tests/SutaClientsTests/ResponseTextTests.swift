import SutaHTTP
import XCTest
@testable import SutaClients

/// Error answers that are not the server's JSON become one short line, never a page dump.
final class ResponseTextTests: XCTestCase {
    func testAnHTMLPageIsSummarizedOnOneLine() {
        let page = "<html><head><title>404 Not Found</title></head>\n<body><h1>404 Not Found</h1>\n</body></html>\n"
        let response = HTTPResponse(status: 404, headers: ["Content-Type": "text/html"], body: Array(page.utf8))
        XCTAssertEqual(ResponseText.of(response),
                       "an HTML page (text/html, \(page.utf8.count) bytes) instead of JSON: is this the right server and URL?")
        XCTAssertEqual(OllamaClient(endpoint: .tcp(host: "127.0.0.1", port: 1)).error(for: response, model: nil).description,
                       "Ollama error (HTTP 404): an HTML page (text/html, \(page.utf8.count) bytes) instead of JSON: is this the right server and URL?")
    }

    func testPlainTextKeepsItsFirstLineAndAnEmptyBodyTheStatus() {
        XCTAssertEqual(ResponseText.of(HTTPResponse(status: 400, body: Array("Invalid Service Meta\nmore detail\n".utf8))), "Invalid Service Meta")
        XCTAssertEqual(ResponseText.of(HTTPResponse(status: 502)), "HTTP 502")
        let long = String(repeating: "x", count: 500)
        XCTAssertEqual(ResponseText.of(HTTPResponse(status: 500, body: Array(long.utf8))), String(repeating: "x", count: 200) + "…")
    }
}
