#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaHTTP

/// The body of a Docker error response: `{"message":"No such container: web"}`.
struct DockerErrorMessage: Decodable {
    var message: String

    /// The engine's message in `response`, or the body text when it is not the usual JSON,
    /// or `HTTP <status>` when the body is empty.
    static func text(of response: HTTPResponse) -> String {
        if let decoded = try? JSONDecoder().decode(DockerErrorMessage.self, from: Data(response.body)) {
            return decoded.message
        }
        return ResponseText.of(response)
    }
}
