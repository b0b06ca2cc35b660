#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaHTTP

/// The body of an Ollama error response, and the last line of a failed stream:
/// `{"error":"model 'x' not found"}`.
struct OllamaErrorMessage: Decodable {
    var error: String

    /// The server's message in `response`, or the body text when it is not the usual JSON,
    /// or `HTTP <status>` when the body is empty.
    static func text(of response: HTTPResponse) -> String {
        if let decoded = try? JSONDecoder().decode(OllamaErrorMessage.self, from: Data(response.body)) {
            return decoded.error
        }
        return ResponseText.of(response)
    }
}
