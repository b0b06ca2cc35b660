@testable import SutaClients
import XCTest

/// Name normalization, and the pull stream parser fed byte by byte.
final class OllamaModelNameTests: XCTestCase {
    func testNamesAreNormalizedToNameColonTag() {
        let cases = [
            "tinyllama": "tinyllama:latest",
            "tinyllama:": "tinyllama:latest",
            " llama3.2:1b ": "llama3.2:1b",
            "registry.ollama.ai/library/llama3.2:1b": "llama3.2:1b",
            "library/qwen2": "qwen2:latest",
            "jmorganca/mistral": "jmorganca/mistral:latest",
            "localhost:5000/team/model": "localhost:5000/team/model:latest",
            "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M": "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M",
        ]
        for (written, listed) in cases {
            XCTAssertEqual(OllamaModelName.normalized(written), listed, written)
        }
        XCTAssertTrue(OllamaModelName.same("TinyLlama", "tinyllama:latest"))
        XCTAssertFalse(OllamaModelName.same("tinyllama", "tinyllama:1.1b"))
    }

    func testThePullParserWorksAcrossAnyChunkBoundary() throws {
        let lines = [
            #"{"status":"pulling manifest"}"#,
            #"{"status":"pulling 2af3b81862c6","digest":"sha256:2af3","total":100,"completed":50}"#,
            #"{"status":"success"}"#,
        ]
        let bytes = Array(lines.joined(separator: "\n").utf8)  // the last line has no newline
        var parser = OllamaPullParser(model: "tinyllama:latest")
        var progress: [OllamaPullProgress] = []
        for byte in bytes { progress += parser.append([byte]) }
        progress += try parser.finish()
        XCTAssertEqual(progress, [
            OllamaPullProgress(status: "pulling manifest"),
            OllamaPullProgress(status: "pulling 2af3b81862c6", digest: "sha256:2af3", total: 100, completed: 50),
            OllamaPullProgress(status: "success"),
        ])
    }

    func testAnUnreadableLineFailsThePull() {
        var parser = OllamaPullParser(model: "tinyllama:latest")
        _ = parser.append(Array("<html>502 Bad Gateway</html>\n{\"status\":\"success\"}\n".utf8))
        XCTAssertThrowsError(try parser.finish()) { error in
            guard case .decoding(let message) = error as? OllamaError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("POST /api/pull"), message)
        }
    }
}
