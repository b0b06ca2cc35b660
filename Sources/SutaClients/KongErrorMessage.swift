#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SutaHTTP

/// The body of a Kong Admin API error: `{"code":5, "name":"unique constraint violation",
/// "message":"UNIQUE violation detected on '{name=\"api\"}'", "fields":{"name":"api"}}`.
/// Kong's `message` already spells out the `fields`, so they are not kept.
struct KongErrorMessage: Decodable {
    /// Kong's error code: 2 schema violation, 4 foreign key, 5 unique, 12 operation
    /// unsupported, 14 invalid declarative configuration, ...
    var code: Int?
    /// The code's name, e.g. `operation unsupported`.
    var name: String?
    /// What went wrong; `null` for some codes, which then have only a name.
    var message: String?

    /// The error in `response`; when the body is not Kong's JSON, its text (or `HTTP
    /// <status>` when it is empty) is the message.
    init(_ response: HTTPResponse) {
        if let decoded = try? JSONDecoder().decode(KongErrorMessage.self, from: Data(response.body)) {
            self = decoded
        } else {
            code = nil
            name = nil
            message = ResponseText.of(response)
        }
        if message == nil { message = name ?? "HTTP \(response.status)" }
    }

    /// The message (never empty: the name or the status stand in for a missing one).
    var text: String { message ?? "" }
}
